// DECK_ values in plan data become `${{ env "DECK_X" }}` expressions: plans never hold secrets.
import { isJsonObject, type Json } from '../model/json.js';
import type { EnvUse } from '../model/state.js';

/** Rewrites a JSON value; `used` collects the names it wrote. */
export type SecretRewriter = (value: Json, used?: Set<string>) => Json;

const expression = (name: string): string => `\${{ env "${name}" }}`;
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byName = (a: EnvUse, b: EnvUse) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
/** The masker's word boundary (src/render/mask.ts). */
const wordOnly = (pattern: string) => `(?<![A-Za-z0-9_])${pattern}(?![A-Za-z0-9_])`;

/**
 * A rewriter that replaces DECK_ values inside every string of a JSON value, longest first.
 * `rendered` (values the files put there): whole strings of any length, substrings of 3+ characters.
 * `others` (the rest of the environment's DECK_ values, which decK masks too): 3+ characters, whole words only, as
 * the masker matches them, so that a flag value such as `off` does not eat into `office`.
 */
export function secretRewriter(rendered: readonly EnvUse[], others: readonly EnvUse[] = []): SecretRewriter | undefined {
  const names = new Map<string, string>();
  const exact = new Set<string>();
  const patterns = new Map<string, string>();
  for (const use of [...rendered].filter((u) => u.value.length > 0).sort(byName)) {
    if (names.has(use.value)) continue;
    names.set(use.value, use.name);
    exact.add(use.value);
    if (use.value.length >= 3) patterns.set(use.value, escape(use.value));
  }
  for (const use of [...others].filter((u) => u.value.length >= 3).sort(byName)) {
    if (names.has(use.value)) continue;
    names.set(use.value, use.name);
    patterns.set(use.value, wordOnly(escape(use.value)));
  }
  if (names.size === 0) return undefined;
  const ordered = [...patterns].sort(([a], [b]) => b.length - a.length || (a < b ? -1 : 1)).map(([, pattern]) => pattern);
  const pattern = ordered.length > 0 ? new RegExp(ordered.join('|'), 'g') : undefined;

  const rewriteString = (text: string, used: Set<string> | undefined): string => {
    const whole = exact.has(text) ? names.get(text) : undefined;
    if (whole !== undefined) {
      used?.add(whole);
      return expression(whole);
    }
    if (!pattern) return text;
    return text.replace(pattern, (match) => {
      const name = names.get(match)!;
      used?.add(name);
      return expression(name);
    });
  };
  const rewrite: SecretRewriter = (value, used) => {
    if (typeof value === 'string') return rewriteString(value, used);
    if (Array.isArray(value)) return value.map((item) => rewrite(item, used));
    if (isJsonObject(value)) {
      // `{"$id": "kind:key"}` placeholders name entities, not values: the executor must see them as they are.
      if (typeof value.$id === 'string' && Object.keys(value).length === 1) return value;
      const out: Record<string, Json> = {};
      for (const key of Object.keys(value)) out[key] = rewrite(value[key]!, used);
      return out;
    }
    return value;
  };
  return rewrite;
}
