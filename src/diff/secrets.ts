// DECK_ values in plan data become `${{ env "DECK_X" }}` expressions: plans never hold secrets.
import { isJsonObject, type Json } from '../model/json.js';
import type { EnvUse } from '../model/state.js';

export type SecretRewriter = (value: Json) => Json;

const expression = (name: string): string => `\${{ env "${name}" }}`;
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A rewriter that replaces rendered DECK_ values inside every string of a JSON value (whole strings for any value,
 * substrings for values of 3+ characters; longest first), and records which names it used.
 */
export function secretRewriter(env: readonly EnvUse[], used: Set<string>): SecretRewriter | undefined {
  const uses = env.filter((use) => use.value.length > 0);
  if (uses.length === 0) return undefined;
  const exact = new Map<string, string>();
  for (const use of [...uses].sort((a, b) => (a.name < b.name ? -1 : 1))) if (!exact.has(use.value)) exact.set(use.value, use.name);
  const long = [...exact].filter(([value]) => value.length >= 3).sort(([a], [b]) => b.length - a.length || (a < b ? -1 : 1));
  const pattern = long.length > 0 ? new RegExp(long.map(([value]) => escape(value)).join('|'), 'g') : undefined;
  const rewriteString = (text: string): string => {
    const whole = exact.get(text);
    if (whole !== undefined) {
      used.add(whole);
      return expression(whole);
    }
    if (!pattern) return text;
    return text.replace(pattern, (match) => {
      const name = exact.get(match)!;
      used.add(name);
      return expression(name);
    });
  };
  const rewrite = (value: Json): Json => {
    if (typeof value === 'string') return rewriteString(value);
    if (Array.isArray(value)) return value.map(rewrite);
    if (isJsonObject(value)) {
      // `{"$id": "kind:key"}` placeholders name entities, not values: the executor must see them as they are.
      if (typeof value.$id === 'string' && Object.keys(value).length === 1) return value;
      const out: Record<string, Json> = {};
      for (const key of Object.keys(value)) out[key] = rewrite(value[key]!);
      return out;
    }
    return value;
  };
  return rewrite;
}
