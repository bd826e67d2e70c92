// Small pure JSON helpers for the comparison form. None of them mutates its inputs.
import { canonicalJson, isJsonObject, type Json, type JsonObject } from '../model/json.js';

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

/** Copy with every `null`-valued object key removed, recursively (absent and null are equal). */
export function dropNulls(value: Json): Json {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const name of Object.keys(value)) {
    const item = value[name]!;
    if (item !== null) out[name] = dropNulls(item);
  }
  return out;
}

/** Structural equality of JSON values; object key order does not matter. */
export function deepEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!(key in b) || !deepEqual(a[key], b[key])) return false;
  }
  return true;
}

/** Canonical order of set members: scalars and objects alike, by canonical JSON. */
export function sortSet(items: Json[]): Json[] {
  if (items.every((item) => typeof item === 'string')) return [...(items as string[])].sort();
  return items
    .map((item) => ({ item, sortKey: canonicalJson(item) }))
    .sort((x, y) => (x.sortKey < y.sortKey ? -1 : x.sortKey > y.sortKey ? 1 : 0))
    .map(({ item }) => item);
}

/** `sortSet` for an array the caller owns. */
export function sortSetInPlace(items: Json[]): Json[] {
  if (items.every((item) => typeof item === 'string')) return (items as string[]).sort();
  const sorted = sortSet(items);
  for (let i = 0; i < sorted.length; i++) items[i] = sorted[i]!;
  return items;
}

