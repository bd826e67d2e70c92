// Small pure JSON helpers for the comparison form. None of them mutates its inputs.
import { createHash } from 'node:crypto';
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

export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 16);
}
