// Pinned ids (decK): a desired entity whose file pins the id of a live entity under another key is that entity,
// renamed, not a new one (creating it would collide on the id).
import { entityRef, localKey, scopedKey, type Entity, type EntityRef } from '../model/entity.js';
import { kindOf } from '../kinds/registry.js';

/**
 * The live index re-keyed for renames: the live entity moves to the desired key. Returns the index to compare with
 * and, per desired ref, the live key it was renamed from.
 */
export function pairPinnedIds(
  desiredIndex: ReadonlyMap<EntityRef, Entity>,
  liveIndex: ReadonlyMap<EntityRef, Entity>,
): { live: ReadonlyMap<EntityRef, Entity>; renamedFrom: Map<EntityRef, string> } {
  const renamedFrom = new Map<EntityRef, string>();
  // Only desired entities that pin an id and have no live namesake are looked up: the id index is built for them.
  let byId: Map<string, Entity> | undefined;
  const moves: Array<{ from: EntityRef; to: EntityRef; entity: Entity }> = [];
  for (const [ref, entity] of desiredIndex) {
    if (!entity.id || liveIndex.has(ref)) continue;
    if (!byId) {
      byId = new Map();
      for (const held of liveIndex.values()) if (held.id) byId.set(`${held.kind}|${held.controlPlane ?? ''}|${held.id}`, held);
    }
    const live = byId.get(`${entity.kind}|${entity.controlPlane ?? ''}|${entity.id}`);
    if (!live || live.key === entity.key) continue;
    const from = entityRef(live.kind, live.key);
    if (desiredIndex.has(from)) continue;
    moves.push({ from, to: ref, entity: { ...live, key: entity.key } });
    renamedFrom.set(ref, live.key);
  }
  if (moves.length === 0) return { live: liveIndex, renamedFrom };
  const moved = new Set(moves.map((move) => move.from));
  const live = new Map<EntityRef, Entity>();
  for (const [ref, entity] of liveIndex) if (!moved.has(ref)) live.set(ref, entity);
  for (const move of moves) live.set(move.to, move.entity);
  return { live, renamedFrom };
}

/**
 * decK's second lookup (a consumer by `custom_id` when its username is new): a desired entity with no live entity
 * under its key is the live entity of its kind and control plane holding the same value at one of the descriptor's
 * `matchBy` paths, when that one is not desired itself. It is renamed (updated in place), not deleted and recreated.
 */
export function pairByMatch(
  desiredIndex: ReadonlyMap<EntityRef, Entity>,
  liveIndex: ReadonlyMap<EntityRef, Entity>,
  renamedFrom: Map<EntityRef, string>,
): ReadonlyMap<EntityRef, Entity> {
  // Only kinds with a desired entity that has no live namesake are looked up: their live entities are indexed.
  const wanted = new Set<string>();
  for (const [ref, entity] of desiredIndex) if (kindOf(entity.kind).matchBy && !liveIndex.has(ref)) wanted.add(entity.kind);
  if (wanted.size === 0) return liveIndex;
  const byValue = new Map<string, Entity>();
  for (const [ref, entity] of liveIndex) {
    if (!wanted.has(entity.kind) || desiredIndex.has(ref)) continue;
    for (const path of kindOf(entity.kind).matchBy ?? []) {
      const value = entity.fields[path];
      if (typeof value === 'string') byValue.set(`${entity.kind}|${entity.controlPlane ?? ''}|${path}|${value}`, entity);
    }
  }
  if (byValue.size === 0) return liveIndex;
  const moves = new Map<EntityRef, { to: EntityRef; entity: Entity }>();
  for (const [ref, entity] of desiredIndex) {
    if (liveIndex.has(ref)) continue;
    for (const path of kindOf(entity.kind).matchBy ?? []) {
      const value = entity.fields[path];
      const live = typeof value === 'string' ? byValue.get(`${entity.kind}|${entity.controlPlane ?? ''}|${path}|${value}`) : undefined;
      if (!live) continue;
      const from = entityRef(live.kind, live.key);
      if (moves.has(from)) continue;
      moves.set(from, { to: ref, entity: { ...live, key: entity.key } });
      renamedFrom.set(ref, live.key);
      break;
    }
  }
  if (moves.size === 0) return liveIndex;
  followRenames(liveIndex, desiredIndex, moves, renamedFrom);
  const live = new Map<EntityRef, Entity>();
  for (const [ref, entity] of liveIndex) if (!moves.has(ref)) live.set(ref, entity);
  for (const move of moves.values()) live.set(move.to, move.entity);
  return live;
}

/**
 * Live entities keyed by a renamed entity's name (a consumer's credentials and plugins) follow it: their single-valued
 * references take the new name and their keys are recomputed, so an unchanged one is no change at all. Their
 * requests still address the live key (`renamedFrom`).
 */
function followRenames(
  liveIndex: ReadonlyMap<EntityRef, Entity>,
  desiredIndex: ReadonlyMap<EntityRef, Entity>,
  moves: Map<EntityRef, { to: EntityRef; entity: Entity }>,
  renamedFrom: Map<EntityRef, string>,
): void {
  const newName = new Map<string, string>();
  for (const [from, move] of moves) {
    const old = liveIndex.get(from)!;
    newName.set(`${old.kind}|${old.controlPlane ?? ''}|${localKey(old)}`, localKey(move.entity));
  }
  for (const [ref, entity] of liveIndex) {
    if (moves.has(ref) || desiredIndex.has(ref)) continue;
    const descriptor = kindOf(entity.kind);
    let fields = entity.fields;
    for (const spec of descriptor.refs) {
      if (spec.path.includes('[]') || spec.path.includes('.')) continue;
      const value = fields[spec.path];
      const renamed = typeof value === 'string' ? newName.get(`${spec.kind}|${entity.controlPlane ?? ''}|${value}`) : undefined;
      if (renamed !== undefined) fields = { ...fields, [spec.path]: renamed };
    }
    if (fields === entity.fields) continue;
    const local = descriptor.identity(fields, entity.id);
    if (local === undefined) continue;
    const key = scopedKey(entity.controlPlane, local);
    const to = entityRef(entity.kind, key);
    if (key === entity.key || liveIndex.has(to)) continue;
    moves.set(ref, { to, entity: { ...entity, key, fields } });
    renamedFrom.set(to, entity.key);
  }
}
