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

/** `value` (found at `keys` in its entity) with every secret field masked: a copy where one is, else `value` itself. */
export function maskSecretFields(value: Json, patterns: readonly string[], keys: readonly string[] = []): Json {
  if (patterns.length === 0 || value === null) return value;
  if (keys.length > 0 && isSecretField(patterns, keys)) return maskStrings(value);
  if (!mayMatchBelow(patterns, keys)) return value;
  if (Array.isArray(value)) return value.map((item) => maskSecretFields(item, patterns, keys));
  if (isJsonObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, maskSecretFields(item, patterns, [...keys, key])]));
  return value;
}

/**
 * The live side of a change as a plan may hold it: secret fields masked, and every field whose desired value carries
 * an env reference masked too (a rotated DECK_ value's old value is known only to Konnect, and no masker knows it).
 * An array with a reference anywhere is masked whole: its items need not line up with live's.
 */
export function redactLive(live: JsonObject, desired: JsonObject | undefined, patterns: readonly string[]): JsonObject {
  return redact(live, desired, patterns, []) as JsonObject;
}

function redact(live: Json, desired: Json | undefined, patterns: readonly string[], keys: readonly string[]): Json {
  if (live === null) return live;
  if (keys.length > 0 && isSecretField(patterns, keys)) return maskStrings(live);
  if (desired !== undefined && (typeof desired === 'string' || Array.isArray(desired)) && hasEnvReference(desired)) return maskStrings(live);
  if (Array.isArray(live)) return live.map((item, index) => redact(item, Array.isArray(desired) ? desired[index] : undefined, patterns, keys));
  if (isJsonObject(live)) {
    const wanted = isJsonObject(desired) ? desired : undefined;
    return Object.fromEntries(Object.entries(live).map(([key, item]) => [key, redact(item, wanted?.[key], patterns, [...keys, key])]));
  }
  return live;
}
