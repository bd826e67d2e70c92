// Pairing desired with live by kind+key, and deciding create / update / replace / delete.
import jsonPatch from 'fast-json-patch';
import type { Entity } from '../model/entity.js';
import { getAll } from '../model/paths.js';
import type { PatchOp } from '../model/plan.js';
import { kindOf } from '../kinds/registry.js';
import type { KindName } from '../kinds/kind-names.js';
import { deepEqual, type JsonObject } from '../model/json.js';
import { COMPARE_NOW, type Pairing } from './normalize.js';
import { keepReason, type Ownership } from './claims.js';
import { learnedFor } from '../kinds/schema-defaults.js';

export type ChangeAction = 'create' | 'update' | 'replace' | 'delete';

export interface Change {
  action: ChangeAction;
  kind: KindName;
  key: string;
  desired?: Entity;
  live?: Entity;
  /** Comparison forms for update/replace; model fields for delete (before) and create (after). */
  before?: JsonObject;
  after?: JsonObject;
  patch: PatchOp[];
  reason?: string;
  /** The live key of an entity renamed through a pinned id. */
  renamedFrom?: string;
}

/** One generic keyed diff: `fn` sees every key of either side once, in a stable order (desired first, then live). */
export function diffKeyed<T, R>(
  desired: ReadonlyMap<string, T>,
  live: ReadonlyMap<string, T>,
  fn: (key: string, desired: T | undefined, live: T | undefined) => R | undefined,
): R[] {
  const out: R[] = [];
  for (const [key, value] of desired) {
    const result = fn(key, value, live.get(key));
    if (result !== undefined) out.push(result);
  }
  for (const [key, value] of live) {
    if (desired.has(key)) continue;
    const result = fn(key, undefined, value);
    if (result !== undefined) out.push(result);
  }
  return out;
}

/** Why the change cannot be made in place, or undefined. */
function replaceReason(kind: KindName, before: JsonObject, after: JsonObject, patch: PatchOp[]): string | undefined {
  const descriptor = kindOf(kind);
  const immutable = descriptor.immutable.filter((path) => !deepEqual(getAll(before, path), getAll(after, path)));
  if (immutable.length > 0) return `${immutable.join(', ')} cannot change in place`;
  if (descriptor.write.update === 'replace') {
    const fields = [...new Set(patch.map((op) => op.path.split('/')[1] ?? ''))].sort();
    return `a ${descriptor.title} cannot be updated in place (changed: ${fields.join(', ')})`;
  }
  return descriptor.replaceWhen?.(before, after);
}

/**
 * decK ends with the id a file pins: where the API takes a client-chosen id (core entities), a live entity of the same
 * key under another id is replaced by one with the pinned id.
 */
function pinnedIdReason(desired: Entity, live: Entity): string | undefined {
  if (desired.id === undefined || live.id === undefined || desired.id === live.id) return undefined;
  if (kindOf(desired.kind).api !== 'core-entities') return undefined;
  return `the file pins id ${desired.id}; Konnect holds it under id ${live.id}`;
}

/**
 * The change that turns `live` into `desired` (either may be absent), or undefined when nothing is to do.
 * `defaults`: LiveState.defaults (schema-learned defaults). `pairing`: how a pair is compared (now, or answers worked
 * out ahead: prepare.ts).
 */
export function classify(
  desired: Entity | undefined,
  live: Entity | undefined,
  ownership: Ownership,
  defaults?: Readonly<Record<string, JsonObject>>,
  pairing: Pairing = COMPARE_NOW,
): Change | undefined {
  const entity = (desired ?? live)!;
  const descriptor = kindOf(entity.kind);
  if (descriptor.readOnly) return undefined;
  if (desired && !live) return { kind: entity.kind, key: entity.key, action: 'create', desired, after: desired.fields, patch: [] };
  if (!desired && live) {
    if (keepReason(live, ownership) !== undefined) return undefined;
    return { kind: entity.kind, key: entity.key, action: 'delete', live, before: live.fields, patch: [] };
  }
  const learned = learnedFor(defaults, entity.controlPlane);
  const idReason = pinnedIdReason(desired!, live!);
  if (idReason === undefined && pairing.same(desired!, live!, descriptor, learned)) return undefined;
  const base = { kind: entity.kind, key: entity.key };
  const { before, after } = pairing.forms(desired!, live!, descriptor, learned);
  if (deepEqual(before, after) && idReason === undefined) return undefined;
  const patch = jsonPatch.compare(before, after) as PatchOp[];
  const reason = idReason ?? replaceReason(entity.kind, before, after, patch);
  const change: Change = { ...base, action: reason ? 'replace' : 'update', desired: desired!, live: live!, before, after, patch };
  if (reason) change.reason = reason;
  return change;
}
