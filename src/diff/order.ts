// Dependencies between operations, and the topological order of the plan (Kahn, ties by id).
import { entityRef, type EntityRef } from '../model/entity.js';
import type { Operation } from '../model/plan.js';
import { PlanError } from '../errors.js';
import { allRefs, type ImplicitScope } from './entity-refs.js';
import type { Change } from './compare.js';
import { StringHeap } from './heap.js';
import { orderDeletesAroundBuilds } from './create-first.js';

export interface PlannedChange {
  change: Change;
  op: Operation;
  wait?: Operation;
}

const BUILDS = new Set(['create', 'replace']);
const REMOVES = new Set(['delete', 'replace']);

/**
 * Fills every operation's dependsOn from references (after: desired side, before: live side). One entity may have a
 * delete and a create (a replacement split around another's); `removeFirst` adds removal orders no reference shows.
 */
export function linkDependencies(
  planned: readonly PlannedChange[],
  desiredScope: ImplicitScope,
  liveScope: ImplicitScope,
  removeFirst: ReadonlyMap<EntityRef, readonly EntityRef[]> = new Map(),
): void {
  const built = new Map<EntityRef, PlannedChange>();
  const removed = new Map<EntityRef, PlannedChange>();
  for (const item of planned) {
    const ref = entityRef(item.change.kind, item.change.key);
    if (item.op.action !== 'delete') built.set(ref, item);
    if (REMOVES.has(item.op.action)) removed.set(ref, item);
  }
  const deps = new Map<Operation, Set<string>>();
  const add = (op: Operation, id: string) => {
    if (op.id === id) return;
    let set = deps.get(op);
    if (!set) deps.set(op, (set = new Set()));
    set.add(id);
  };
  for (const item of planned) {
    const { change, op } = item;
    const afterRefs = change.desired ? allRefs(change.desired, desiredScope) : [];
    // Creates and updates come after what they reference is built (and ready, when it has to be).
    for (const held of afterRefs) {
      const target = built.get(held.ref);
      if (!target) continue;
      // A target with a wait is async: what references it being built waits until it is ready.
      if (BUILDS.has(target.op.action)) add(op, target.wait?.id ?? target.op.id);
      else if (target.op.action === 'update' && held.needsReady && target.wait) add(op, target.wait.id);
      else if (target.op.action === 'update' && target.change.renamedFrom !== undefined) add(op, target.op.id);
    }
    // Whatever stops referencing an entity goes before that entity's delete.
    if (!change.live || change.action === 'create') continue;
    const keeps = new Set(afterRefs.map((held) => held.ref));
    for (const held of allRefs(change.live, liveScope)) {
      const target = removed.get(held.ref);
      if (!target) continue;
      if (change.action === 'update' && keeps.has(held.ref)) continue;
      add(target.op, op.id);
    }
  }
  for (const [ref, firsts] of removeFirst) {
    const then = removed.get(ref);
    for (const first of firsts) {
      const before = removed.get(first);
      if (then && before) add(then.op, before.op.id);
    }
  }
  orderDeletesAroundBuilds(planned, add, (op) => deps.get(op) ?? []);
  for (const item of planned) {
    item.op.dependsOn = [...(deps.get(item.op) ?? [])].sort();
    if (item.wait) item.wait.dependsOn = [item.op.id];
  }
}

/** Kahn's topological sort; among ready operations the smallest id goes first. A cycle is a PlanError. */
export function topoSort(operations: readonly Operation[]): Operation[] {
  const byId = new Map<string, Operation>();
  for (const op of operations) byId.set(op.id, op);
  const indegree = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const op of operations) {
    indegree.set(op.id, op.dependsOn.length);
    for (const dep of op.dependsOn) {
      if (!byId.has(dep)) throw new PlanError(`operation ${op.id} depends on unknown operation ${dep}`);
      const list = dependents.get(dep);
      if (list) list.push(op.id);
      else dependents.set(dep, [op.id]);
    }
  }
  const heap = new StringHeap();
  for (const [id, count] of indegree) if (count === 0) heap.push(id);
  const out: Operation[] = [];
  while (heap.size > 0) {
    const id = heap.pop()!;
    out.push(byId.get(id)!);
    for (const next of dependents.get(id) ?? []) {
      const left = indegree.get(next)! - 1;
      indegree.set(next, left);
      if (left === 0) heap.push(next);
    }
  }
  if (out.length !== operations.length) throw new PlanError(`dependency cycle: ${findCycle(byId, indegree).join(' → ')}`);
  return out;
}

/** A cycle among the operations Kahn could not place, as a path that starts and ends at the same id. */
function findCycle(byId: ReadonlyMap<string, Operation>, indegree: ReadonlyMap<string, number>): string[] {
  const stuck = [...indegree].filter(([, count]) => count > 0).map(([id]) => id).sort();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    state.set(id, 'open');
    stack.push(id);
    for (const dep of byId.get(id)!.dependsOn) {
      if (state.get(dep) === 'open') return [...stack.slice(stack.indexOf(dep)), dep];
      if (state.get(dep) === undefined && (indegree.get(dep) ?? 0) > 0) {
        const found = visit(dep);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const id of stuck) {
    if (state.has(id)) continue;
    const found = visit(id);
    if (found) return found.reverse();
  }
  return stuck;
}
