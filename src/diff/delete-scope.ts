// What goes with a deleted or replaced platform resource: README "What a sync may delete". Pure.
import { entityRef, type Entity, type EntityRef } from '../model/entity.js';
import type { DeleteScope } from '../model/plan.js';
import { kindOf } from '../kinds/registry.js';
import { belongsTo } from './ownership.js';

/** How many names a scope lists. */
const FIRST_NAMES = 5;

/** Live entities by what they belong to (parent, owner reference, control plane). */
export function dependentsIndex(live: readonly Entity[]): Map<EntityRef, Entity[]> {
  const index = new Map<EntityRef, Entity[]>();
  for (const entity of live) {
    for (const ref of belongsTo(entity)) {
      const list = index.get(ref) ?? [];
      list.push(entity);
      index.set(ref, list);
    }
  }
  return index;
}

/**
 * Everything that goes with `root` (transitively) and has no operation of its own in the plan (`planned`), counted by
 * kind with the first names. Undefined when nothing goes with it.
 */
export function deleteScope(root: Entity, dependents: ReadonlyMap<EntityRef, Entity[]>, planned: ReadonlySet<EntityRef>): DeleteScope | undefined {
  const seen = new Set<EntityRef>([entityRef(root.kind, root.key)]);
  const found: Entity[] = [];
  const queue: Entity[] = [root];
  // Each entity is queued once (seen), so this ends after at most every live entity.
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const child of dependents.get(entityRef(current.kind, current.key)) ?? []) {
      const ref = entityRef(child.kind, child.key);
      if (seen.has(ref)) continue;
      seen.add(ref);
      queue.push(child);
      if (!planned.has(ref)) found.push(child);
    }
  }
  if (found.length === 0) return undefined;
  const byKind: Record<string, number> = {};
  for (const entity of found) byKind[entity.kind] = (byKind[entity.kind] ?? 0) + 1;
  const first = found.slice(0, FIRST_NAMES).map((entity) => `${kindOf(entity.kind).title} ${entity.key}`);
  return { total: found.length, byKind: Object.fromEntries(Object.entries(byKind).sort(([a], [b]) => (a < b ? -1 : 1))), first };
}
