import { InvalidArgumentError } from 'commander';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `90s`, `30m`, `1h30m`, `500ms`; a bare number is seconds. For commander's argParser. */
export function parseDuration(text: string): number {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== trimmed) {
    throw new InvalidArgumentError(`not a duration: ${JSON.stringify(text)} (use e.g. 90s, 30m, 1h30m)`);
  }
  return parts.reduce((total, part) => total + Number(part[1]) * UNITS[part[2]!]!, 0);
}
