// The comparison form (docs/DESIGN.md "Comparison"): what desired and live are compared in.
import type { Entity } from '../model/entity.js';
import type { Json, JsonObject } from '../model/json.js';
import { getAll, removeAll, splitPath, updateAll } from '../model/paths.js';
import type { KindDescriptor, LearnedDefaults } from '../kinds/descriptor.js';
import { mergedEqual, mergeWithoutNulls, sortSetInPlace, stripNullsInPlace } from './json-tools.js';

/** Tags are a set on every kind, whatever the descriptor lists. */
const ALWAYS_SETS = ['tags'];

/**
 * `normalize(deepMerge(defaults, fields))`, ignored paths dropped, null keys dropped (absent == null), set paths
 * sorted canonically and empty sets dropped. Defaults are merged under live too: a key Konnect leaves out is the
 * server's default, which is what the desired side assumes. `learned`: defaults from Konnect's schemas (LiveState)
 * for what the static table lacks. Returns a fresh object; `fields` is not touched.
 */
export function comparable(fields: JsonObject, descriptor: KindDescriptor, learned?: LearnedDefaults): JsonObject {
  let out = mergeWithoutNulls(descriptor.defaults?.(fields, learned), fields);
  if (descriptor.normalize) {
    // normalize works on (and may return parts of) this fresh copy; what it changed may hold nulls.
    const normalized = descriptor.normalize(out);
    if (normalized !== out) stripNullsInPlace(normalized);
    out = normalized;
  }
  for (const path of descriptor.ignore) removeAll(out, path);
  for (const path of setPaths(fields, descriptor)) updateAll(out, path, sortOrDrop);
  return out;
}

/** Set paths, deepest first so that outer sets sort on already-canonical members. */
const sortedSets = new WeakMap<readonly string[], string[]>();
function setPaths(fields: JsonObject, descriptor: KindDescriptor): string[] {
  const declared = descriptor.sets(fields);
  let paths = sortedSets.get(declared);
  if (!paths) {
    paths = [...new Set([...declared, ...ALWAYS_SETS])].sort((a, b) => splitPath(b).length - splitPath(a).length || (a < b ? -1 : 1));
    sortedSets.set(declared, paths);
  }
  return paths;
}

/** Arrays here are fresh copies, so they are sorted in place. */
function sortOrDrop(value: Json): Json | undefined {
  if (!Array.isArray(value)) return value;
  return value.length === 0 ? undefined : sortSetInPlace(value);
}

/**
 * Server-generated paths (`descriptor.generated`): when the desired side leaves one out, whatever the server
 * generated is not drift. Mutates `live` (a comparison copy).
 */
function dropUnrequestedGenerated(desired: JsonObject, live: JsonObject, descriptor: KindDescriptor): void {
  for (const path of descriptor.generated ?? []) {
    if (getAll(desired, path).length === 0) removeAll(live, path);
  }
}

export interface ComparisonForms {
  before: JsonObject;
  after: JsonObject;
}

/** Comparison forms of a desired/live pair. */
export function comparablePair(desired: Entity, live: Entity, descriptor: KindDescriptor, learned?: LearnedDefaults): ComparisonForms {
  const after = comparable(desired.fields, descriptor, learned);
  const before = comparable(live.fields, descriptor, learned);
  dropUnrequestedGenerated(after, before, descriptor);
  return { before, after };
}

/**
 * Whether a pair's comparison forms are certainly equal, decided without building them: the unchanged entities of a
 * large state cost no copies. Equal merged forms give equal comparison forms, since every later step (normalize,
 * ignore, sets, generated) depends on the merged form alone (and on the set paths, checked equal here). normalize
 * must therefore not depend on key order. False means "not known": compare the forms.
 */
export function sameComparable(desired: Entity, live: Entity, descriptor: KindDescriptor, learned?: LearnedDefaults): boolean {
  if (!samePaths(descriptor.sets(desired.fields), descriptor.sets(live.fields))) return false;
  return mergedEqual(descriptor.defaults?.(desired.fields, learned), desired.fields, descriptor.defaults?.(live.fields, learned), live.fields);
}

function samePaths(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((path, i) => path === b[i]));
}

/** How classify compares a pair: now (COMPARE_NOW), or from answers worked out ahead (prepare.ts). */
export interface Pairing {
  same(desired: Entity, live: Entity, descriptor: KindDescriptor, learned?: LearnedDefaults): boolean;
  forms(desired: Entity, live: Entity, descriptor: KindDescriptor, learned?: LearnedDefaults): ComparisonForms;
}

export const COMPARE_NOW: Pairing = { same: sameComparable, forms: comparablePair };
