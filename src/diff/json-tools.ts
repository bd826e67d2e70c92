// JSON helpers for the comparison form. Only the `…InPlace` ones mutate, and only copies the comparison owns.
import { canonicalJson, dropNulls, isJsonObject, type Json, type JsonObject } from '../model/json.js';
import { splitPath } from '../model/paths.js';

/** `base` under `over`: objects merge recursively, `over` wins everywhere else (arrays included). */
export function deepMerge(base: JsonObject, over: JsonObject): JsonObject {
  const out: JsonObject = { ...base };
  for (const name of Object.keys(over)) {
    const value = over[name]!;
    const under = out[name];
    out[name] = isJsonObject(value) && isJsonObject(under) ? deepMerge(under, value) : value;
  }
  return out;
}

/**
 * `dropNulls(deepMerge(base, over))` in one pass, and always a fresh copy (never shares `base`'s objects). A null in
 * `over` counts as absent, so the base (default) value applies, as it does on the server.
 */
export function mergeWithoutNulls(base: JsonObject | undefined, over: JsonObject): JsonObject {
  const out: JsonObject = {};
  if (base) {
    for (const name of nonNullKeys(base)) {
      if (over[name] === undefined || over[name] === null) out[name] = dropNulls(base[name]!);
    }
  }
  for (const name of Object.keys(over)) {
    const value = over[name]!;
    if (value === null) continue;
    const under = base?.[name];
    out[name] = isJsonObject(value) ? mergeWithoutNulls(isJsonObject(under) ? under : undefined, value) : dropNulls(value);
  }
  return out;
}

/** Keys of `base` whose value is not null, cached: defaults objects are shared and never change. */
const nonNullKeyCache = new WeakMap<JsonObject, string[]>();
function nonNullKeys(base: JsonObject): string[] {
  let keys = nonNullKeyCache.get(base);
  if (!keys) nonNullKeyCache.set(base, (keys = Object.keys(base).filter((name) => base[name] !== null)));
  return keys;
}

/** Removes null-valued object keys in place, recursively. */
export function stripNullsInPlace(value: Json): void {
  if (Array.isArray(value)) {
    for (const item of value) stripNullsInPlace(item);
  } else if (isJsonObject(value)) {
    for (const name of Object.keys(value)) {
      const item = value[name]!;
      if (item === null) delete value[name];
      else if (typeof item === 'object') stripNullsInPlace(item);
    }
  }
}

/** Sorts set members into their canonical order (strings as strings, anything else by canonical JSON), in place. */
export function sortSetInPlace(items: Json[]): Json[] {
  if (items.every((item) => typeof item === 'string')) return (items as string[]).sort();
  const keyed = items.map((item) => ({ item, sortKey: canonicalJson(item) })).sort((x, y) => (x.sortKey < y.sortKey ? -1 : x.sortKey > y.sortKey ? 1 : 0));
  for (let i = 0; i < keyed.length; i++) items[i] = keyed[i]!.item;
  return items;
}

/**
 * Whether `mergeWithoutNulls(baseA, overA)` and `mergeWithoutNulls(baseB, overB)` are deepEqual, without building
 * either. Conservative: a key that reads through the prototype (`__proto__`, `toString` in one object only) answers
 * false, which only costs the caller the full comparison.
 */
export function mergedEqual(baseA: JsonObject | undefined, overA: JsonObject, baseB: JsonObject | undefined, overB: JsonObject): boolean {
  let size = 0;
  // for…in, not Object.keys: no key array per object. Plain JSON objects inherit no enumerable keys.
  for (const name in overA) {
    const value = overA[name]!;
    if (value === null) continue;
    size++;
    if (!entryEqual(isJsonObject(value) ? baseA?.[name] : undefined, value, baseB, overB, name)) return false;
  }
  if (baseA) {
    for (const name of nonNullKeys(baseA)) {
      const over = overA[name];
      if (typeof over === 'function') return false;
      if (over !== undefined && over !== null) continue;
      size++;
      if (!entryEqual(undefined, baseA[name]!, baseB, overB, name)) return false;
    }
  }
  return size === mergedSize(baseB, overB);
}

/** Whether the merged B side holds, at `name`, what `under`/`value` merge to on the A side. */
function entryEqual(under: Json | undefined, value: Json, baseB: JsonObject | undefined, overB: JsonObject, name: string): boolean {
  if (name === '__proto__') return false;
  const over = overB[name];
  if (typeof over === 'function') return false;
  if (over !== undefined && over !== null) return viewEqual(under, value, isJsonObject(over) ? baseB?.[name] : undefined, over);
  const base = baseB?.[name];
  if (base === undefined || base === null || typeof base === 'function') return false;
  return viewEqual(under, value, undefined, base);
}

/** `value` merged over `under` (objects only; anything else is `value` without nulls) on both sides, compared. */
function viewEqual(underA: Json | undefined, valueA: Json, underB: Json | undefined, valueB: Json): boolean {
  if (isJsonObject(valueA)) {
    return isJsonObject(valueB) && mergedEqual(isJsonObject(underA) ? underA : undefined, valueA, isJsonObject(underB) ? underB : undefined, valueB);
  }
  if (isJsonObject(valueB)) return false;
  if (valueA === valueB) return true;
  if (!Array.isArray(valueA) || !Array.isArray(valueB) || valueA.length !== valueB.length) return false;
  for (let i = 0; i < valueA.length; i++) if (!viewEqual(undefined, valueA[i]!, undefined, valueB[i]!)) return false;
  return true;
}

/** How many keys `mergeWithoutNulls(base, over)` has. */
function mergedSize(base: JsonObject | undefined, over: JsonObject): number {
  let size = 0;
  for (const name in over) if (over[name] !== null) size++;
  if (base) {
    for (const name of nonNullKeys(base)) {
      const value = over[name];
      if (value === undefined || value === null) size++;
    }
  }
  return size;
}

/** Whether any value at a descriptor path (`getAll`'s paths) passes `test`, without collecting them. */
export function someAt(root: Json, path: string, test: (value: Json) => boolean): boolean {
  return someFrom(root, splitPath(path), 0, test);
}

function someFrom(node: Json | undefined, segments: readonly string[], index: number, test: (value: Json) => boolean): boolean {
  if (node === undefined) return false;
  if (index === segments.length) return test(node);
  const segment = segments[index]!;
  if (segment === '[]') return Array.isArray(node) && node.some((item) => someFrom(item, segments, index + 1, test));
  return isJsonObject(node) && someFrom(node[segment], segments, index + 1, test);
}
