// Warnings about destructive replacements, including live referrers a replace leaves pointing at the old entity.
import { entityRef, type Entity } from '../model/entity.js';
import { kindOf } from '../kinds/registry.js';
import { SCOPE_PATH, allRefs, type ImplicitScope } from './entity-refs.js';
import type { PlannedChange } from './order.js';

export function replacementWarnings(planned: readonly PlannedChange[], live: readonly Entity[], liveScope: ImplicitScope): string[] {
  const replaced = planned.filter((item) => item.op.action === 'replace');
  if (replaced.length === 0) return [];
  const warnings = replaced.map(({ op }) => `${op.title} will be replaced (deleted, then created): ${op.reason ?? ''}`);
  const targets = new Set(replaced.map(({ op }) => entityRef(op.kind, op.key)));
  const handled = new Set(planned.filter((item) => item.op.action !== 'create').map(({ op }) => entityRef(op.kind, op.key)));
  const scoped = new Map<string, number>();
  for (const entity of live) {
    const self = entityRef(entity.kind, entity.key);
    if (handled.has(self)) continue;
    for (const held of allRefs(entity, liveScope)) {
      if (!targets.has(held.ref)) continue;
      if (held.path === SCOPE_PATH) {
        scoped.set(held.value, (scoped.get(held.value) ?? 0) + 1);
        continue;
      }
      warnings.push(
        `${kindOf(held.kind).title} ${held.ref.slice(held.kind.length + 1)} is replaced while ${kindOf(entity.kind).title} ${entity.key} still references it: Konnect may refuse the delete, and the reference needs the new id`,
      );
    }
  }
  for (const [controlPlane, count] of scoped) {
    warnings.push(`control plane ${controlPlane} is replaced: ${count} gateway entities in it that this plan does not change are lost with it`);
  }
  return warnings;
}
