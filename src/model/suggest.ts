import { closest, distance } from 'fastest-levenshtein';

/** The nearest known name, when it is near enough to be a likely typo (`egde` → `edge`). */
export function suggestName(unknown: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const best = closest(unknown, [...known]);
  return best !== unknown && distance(unknown, best) <= Math.max(2, Math.floor(unknown.length / 3)) ? best : undefined;
}
