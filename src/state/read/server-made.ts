import { entityRef, type Entity, type EntityRef } from '../../model/entity.js';
import { kindOf } from '../../kinds/registry.js';

/**
 * Live entities Konnect made itself and a sync must never delete or dump: `serverManaged(raw)` (konnect-managed
 * partials) and the ids other entities' `owns(raw)` lists (a custom domain's certificate and SNI).
 */
export function serverMadeRefs(live: readonly Entity[]): Set<EntityRef> {
  const owned = new Set<string>();
  for (const entity of live) {
    if (!entity.raw) continue;
    for (const item of kindOf(entity.kind).owns?.(entity.raw) ?? []) owned.add(`${item.kind}|${item.id}`);
  }
  const out = new Set<EntityRef>();
  for (const entity of live) {
    const managed = entity.raw !== undefined && kindOf(entity.kind).serverManaged?.(entity.raw) === true;
    if (managed || (entity.id !== undefined && owned.has(`${entity.kind}|${entity.id}`))) out.add(entityRef(entity.kind, entity.key));
  }
  return out;
}
