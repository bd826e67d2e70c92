// JSON helpers for the comparison form. Only the `…InPlace` ones mutate, and only copies the comparison owns.
import { canonicalJson, dropNulls, isJsonObject, type Json, type JsonObject } from '../model/json.js';

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
