import type { EnvUse } from '../model/state.js';

export const MASK = '[masked]';

/** The masker when there is nothing to mask: callers may skip work that only masking needs. */
export const NO_MASK = (text: string): string => text;

/**
 * Masks every DECK_ value rendered into the state, as decK does: whole-word matches, longest first, in any text.
 * Values shorter than 3 characters are left alone: masking "1" or "on" would hide unrelated text.
 */
export function createMasker(env: readonly EnvUse[]): (text: string) => string {
  const values = [...new Set(env.map((use) => use.value).filter((value) => value.length >= 3))].sort((a, b) => b.length - a.length);
  if (values.length === 0) return NO_MASK;
  const escaped = values.map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![A-Za-z0-9_])(?:${escaped.join('|')})(?![A-Za-z0-9_])`, 'g');
  return (text) => text.replace(pattern, MASK);
}
