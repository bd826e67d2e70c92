// Who references whom in live state, indexed once by target: the replacement rules look referrers up by target.
import { entityRef, type Entity, type EntityRef } from '../model/entity.js';
import { kindOf } from '../kinds/registry.js';
import { allRefs, targetKey, type ImplicitScope } from './entity-refs.js';

export interface Referrer {
  entity: Entity;
  ref: EntityRef;
  /** Model path of the reference; SCOPE_PATH for the control plane a gateway entity lives in. */
  path: string;
}

export type ReferrerIndex = ReadonlyMap<EntityRef, readonly Referrer[]>;

/** Target ref → live entities referencing it. A child is indexed under its parent even when no ref spec names it. */
export function referrerIndex(live: Iterable<Entity>, scope: ImplicitScope): ReferrerIndex {
  const index = new Map<EntityRef, Referrer[]>();
  const add = (target: EntityRef, referrer: Referrer) => {
    const list = index.get(target);
    if (list) list.push(referrer);
    else index.set(target, [referrer]);
  };
  for (const entity of live) {
    const ref = entityRef(entity.kind, entity.key);
    const held = allRefs(entity, scope);
    for (const { ref: target, path } of held) if (target !== ref) add(target, { entity, ref, path });
    const parent = kindOf(entity.kind).parent;
    const value = parent ? entity.fields[parent.field] : undefined;
    if (parent && typeof value === 'string' && !held.some((h) => h.path === parent.field)) {
      add(entityRef(parent.kind, targetKey(parent.kind, entity.controlPlane, value)), { entity, ref, path: parent.field });
    }
  }
  return index;
}

/** Whether `entity` is listed under `parent` (its descriptor's parent field names it). */
export function isChildOf(entity: Entity, parent: Entity): boolean {
  const spec = kindOf(entity.kind).parent;
  if (!spec || spec.kind !== parent.kind) return false;
  const value = entity.fields[spec.field];
  return typeof value === 'string' && targetKey(spec.kind, entity.controlPlane, value) === parent.key;
}
