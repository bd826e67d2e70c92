// Secret fields: which values outputs mask and plans never take from live state.
import { isJsonObject, type Json, type JsonObject } from './json.js';

/** What a masked value reads as, in outputs and in plan files (the same word the DECK_ masker prints). */
export const MASKED = '[masked]';

const ENV_REFERENCE = /\$\{\{\s*env\s+"DECK_[A-Za-z0-9_]*"\s*\}\}/;

/** A string that holds a `${{ env "DECK_X" }}` reference. */
export function hasEnvReference(value: Json | undefined): boolean {
  if (typeof value === 'string') return ENV_REFERENCE.test(value);
  if (Array.isArray(value)) return value.some(hasEnvReference);
  if (isJsonObject(value)) return Object.values(value).some(hasEnvReference);
  return false;
}

/**
 * Whether a field (its object keys from the entity's root; array indexes left out) matches one of a descriptor's
 * `secrets` patterns: dotted keys, `*` one key, `**` any number of keys (`config.**.password`).
 */
export function isSecretField(patterns: readonly string[], keys: readonly string[]): boolean {
  return compiled(patterns).some((pattern) => matches(pattern, 0, keys, 0));
}

/** Whether a pattern could match a field below `keys` (a pattern's keys up to its first `**` agree with them). */
function mayMatchBelow(patterns: readonly string[], keys: readonly string[]): boolean {
  return compiled(patterns).some((pattern) => {
    for (let k = 0; k < keys.length; k++) {
      const part = pattern[k];
      if (part === undefined) return false;
      if (part === '**') return true;
      if (part !== '*' && part !== keys[k]) return false;
    }
    return pattern.length > keys.length;
  });
}

// Descriptors' pattern lists live as long as the process: split once, not for every field of every value.
const splitPatterns = new WeakMap<readonly string[], string[][]>();
function compiled(patterns: readonly string[]): string[][] {
  let split = splitPatterns.get(patterns);
  if (!split) splitPatterns.set(patterns, (split = patterns.map((pattern) => pattern.split('.'))));
  return split;
}

function matches(pattern: readonly string[], p: number, keys: readonly string[], k: number): boolean {
  if (p === pattern.length) return k === keys.length;
  const part = pattern[p]!;
  if (part === '**') return matches(pattern, p + 1, keys, k) || (k < keys.length && matches(pattern, p, keys, k + 1));
  if (k === keys.length) return false;
  return (part === '*' || part === keys[k]) && matches(pattern, p + 1, keys, k + 1);
}

/** Every string in a value replaced by MASKED (numbers and booleans say nothing about a secret's value). */
export function maskStrings(value: Json): Json {
  if (typeof value === 'string') return MASKED;
  if (Array.isArray(value)) return value.map(maskStrings);
  if (isJsonObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, maskStrings(item)]));
  return value;
}

/**
 * One key path under a pattern list, with what the patterns say of it: a value there is secret, or something below it
 * may be. Kept per path (a value walk is a map lookup per key, not a pattern match), up to a bound per node: keys
 * beyond it (a map with user-chosen keys) are judged each time.
 */
interface KeyNode {
  keys: readonly string[];
  secret: boolean;
  below: boolean;
  children: Map<string, KeyNode>;
}

const MAX_CHILDREN = 512;
const roots = new WeakMap<readonly string[], KeyNode>();

function keyNode(patterns: readonly string[], keys: readonly string[]): KeyNode {
  return { keys, secret: keys.length > 0 && isSecretField(patterns, keys), below: mayMatchBelow(patterns, keys), children: new Map() };
}

function childOf(patterns: readonly string[], node: KeyNode, key: string): KeyNode {
  let child = node.children.get(key);
  if (!child) {
    child = keyNode(patterns, [...node.keys, key]);
    if (node.children.size < MAX_CHILDREN) node.children.set(key, child);
  }
  return child;
}

function nodeAt(patterns: readonly string[], keys: readonly string[]): KeyNode {
  let node = roots.get(patterns);
  if (!node) roots.set(patterns, (node = keyNode(patterns, [])));
  for (const key of keys) node = childOf(patterns, node, key);
  return node;
}

/** `value` (found at `keys` in its entity) with every secret field masked: a copy where one is, else `value` itself. */
export function maskSecretFields(value: Json, patterns: readonly string[], keys: readonly string[] = []): Json {
  if (patterns.length === 0 || value === null) return value;
  return maskAt(value, patterns, nodeAt(patterns, keys));
}

function maskAt(value: Json, patterns: readonly string[], node: KeyNode): Json {
  if (value === null) return value;
  if (node.secret) return maskStrings(value);
  if (!node.below || typeof value !== 'object') return value;
  if (Array.isArray(value)) return mapArray(value, (item) => maskAt(item, patterns, node));
  return mapObject(value, (key, item) => maskAt(item, patterns, childOf(patterns, node, key)));
}

/** `fn` over the items; the array itself when every item comes back as it was. */
function mapArray(items: Json[], fn: (item: Json, index: number) => Json): Json[] {
  let out: Json[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const mapped = fn(item, i);
    if (mapped !== item && !out) out = items.slice(0, i);
    out?.push(mapped);
  }
  return out ?? items;
}

/** `fn` over the entries; the object itself when every value comes back as it was. */
function mapObject(value: JsonObject, fn: (key: string, item: Json) => Json): JsonObject {
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const item = value[keys[i]!]!;
    const mapped = fn(keys[i]!, item);
    if (mapped === item) continue;
    // Something changed: a copy from here on (Object.fromEntries keeps a `__proto__` key as data, as JSON.parse does).
    const entries: Array<[string, Json]> = keys.slice(0, i).map((key) => [key, value[key]!]);
    entries.push([keys[i]!, mapped]);
    for (let j = i + 1; j < keys.length; j++) entries.push([keys[j]!, fn(keys[j]!, value[keys[j]!]!)]);
    return Object.fromEntries(entries);
  }
  return value;
}

/**
 * The live side of a change as a plan may hold it: secret fields masked, and every field whose desired value carries
 * an env reference masked too (a rotated DECK_ value's old value is known only to Konnect, and no masker knows it).
 * An array with a reference anywhere is masked whole: its items need not line up with live's. Unchanged parts (all of
 * `live` when nothing is masked) are `live`'s own.
 */
export function redactLive(live: JsonObject, desired: JsonObject | undefined, patterns: readonly string[]): JsonObject {
  if (!hasEnvReference(desired)) return maskSecretFields(live, patterns) as JsonObject;
  return redact(live, desired, patterns, nodeAt(patterns, [])) as JsonObject;
}

function redact(live: Json, desired: Json | undefined, patterns: readonly string[], node: KeyNode): Json {
  if (live === null) return live;
  if (node.secret) return maskStrings(live);
  if (desired !== undefined && (typeof desired === 'string' || Array.isArray(desired)) && hasEnvReference(desired)) return maskStrings(live);
  if (Array.isArray(live)) return mapArray(live, (item, index) => redact(item, Array.isArray(desired) ? desired[index] : undefined, patterns, node));
  if (isJsonObject(live)) {
    const wanted = isJsonObject(desired) ? desired : undefined;
    return mapObject(live, (key, item) => redact(item, wanted?.[key], patterns, childOf(patterns, node, key)));
  }
  return live;
}
