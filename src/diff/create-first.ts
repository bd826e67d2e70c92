// Deletes after the creates beside them: a failed create (a typo in a plugin name) never leaves less than before.
import { deepEqual, type Json } from '../model/json.js';
import type { Entity } from '../model/entity.js';
import type { Operation } from '../model/plan.js';
import { getAll } from '../model/paths.js';
import { kindOf } from '../kinds/registry.js';
import type { PlannedChange } from './order.js';

/** Above this many delete × build pairs in one place, no create-first order is added: the edges would grow quadratically. */
export const MAX_CREATE_FIRST_PAIRS = 1024;

/**
 * Adds, through `add(op, dependsOnId)`:
 * - a delete before a create or update of the same kind and scope that holds one of its `unique` values (Konnect
 *   would refuse the two together);
 * - otherwise, a delete after every create and update of the same kind in the same place (scope and single-valued
 *   references: the plugins of one route, the routes of one service), after its wait when the kind is async. When that
 *   build fails, the delete is skipped and reported.
 * An order that would close a cycle with the ones already there is left out. `dependsOn(op)` reads those.
 */
export function orderDeletesAroundBuilds(
  planned: readonly PlannedChange[],
  add: (op: Operation, id: string) => void,
  dependsOn: (op: Operation) => Iterable<string>,
): void {
  const byId = new Map<string, Operation>();
  for (const item of planned) {
    byId.set(item.op.id, item.op);
    if (item.wait) byId.set(item.wait.id, item.wait);
  }
  // A wait's only dependency, its write, is set when it is made.
  const waitsFor = (op: Operation): Iterable<string> => (op.action === 'wait' ? op.dependsOn : dependsOn(op));
  const reaches = (from: Operation, target: string): boolean => {
    const seen = new Set<string>();
    const stack = [from.id];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (id === target) return true;
      if (seen.has(id)) continue;
      seen.add(id);
      const op = byId.get(id);
      if (op) for (const next of waitsFor(op)) stack.push(next);
    }
    return false;
  };
  const order = (op: Operation, first: string) => {
    if (!reaches(byId.get(first)!, op.id)) add(op, first);
  };

  const deletes = new Map<string, PlannedChange[]>();
  const builds = new Map<string, PlannedChange[]>();
  for (const item of planned) {
    const action = item.op.action;
    if (action !== 'delete' && action !== 'create' && action !== 'update') continue;
    const entity = (action === 'delete' ? item.change.live : item.change.desired)!;
    const place = placeOf(entity);
    pushTo(action === 'delete' ? deletes : builds, place, item);
  }

  const holders = uniqueHolders([...deletes.values()].flat());
  for (const item of [...builds.values()].flat()) {
    for (const value of uniqueValues(item.change.desired!)) {
      for (const held of holders.get(value) ?? []) {
        if (held.change.key !== item.change.key) order(item.op, held.op.id);
      }
    }
  }
  for (const [place, removed] of deletes) {
    const beside = builds.get(place) ?? [];
    if (removed.length * beside.length > MAX_CREATE_FIRST_PAIRS) continue;
    for (const gone of removed) {
      for (const build of beside) {
        if (build.change.key === gone.change.key || clashes(gone.change.live!, build.change.desired!)) continue;
        order(gone.op, build.wait?.id ?? build.op.id);
      }
    }
  }
}

/** Kind, control plane and single-valued references: where entities stand in for each other. */
function placeOf(entity: Entity): string {
  const refs = kindOf(entity.kind)
    .refs.filter((ref) => !ref.path.includes('[]'))
    .map((ref) => `${ref.path}=${JSON.stringify(getAll(entity.fields, ref.path))}`);
  return [entity.kind, entity.controlPlane ?? '', ...refs].join('|');
}

/** `kind|controlPlane|path=value` for each unique path the entity sets. */
function uniqueValues(entity: Entity): string[] {
  const paths = kindOf(entity.kind).unique ?? [];
  return paths.flatMap((path) => getAll(entity.fields, path).filter((value) => value !== null).map((value) => `${entity.kind}|${entity.controlPlane ?? ''}|${path}=${JSON.stringify(value)}`));
}

function uniqueHolders(removed: readonly PlannedChange[]): Map<string, PlannedChange[]> {
  const holders = new Map<string, PlannedChange[]>();
  for (const item of removed) for (const value of uniqueValues(item.change.live!)) pushTo(holders, value, item);
  return holders;
}

function pushTo<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

function clashes(live: Entity, desired: Entity): boolean {
  return (kindOf(live.kind).unique ?? []).some((path) => {
    const held = getAll(live.fields, path).filter((value) => value !== null);
    return held.length > 0 && held.some((value: Json) => getAll(desired.fields, path).some((other) => deepEqual(value, other)));
  });
}
