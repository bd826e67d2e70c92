/** Pure header parsing for rate limits. Header names are lower-case. */
export type Headers = Record<string, string>;

/** `Retry-After`: delta seconds or an HTTP date. Milliseconds from `now`, or undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** `RateLimit-Reset`: seconds until the window resets (an epoch-seconds value is accepted too). */
export function parseRateLimitReset(value: string | undefined, now: number): number | undefined {
  if (value === undefined || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return undefined;
  const seconds = Number(value);
  // Values that look like a Unix time are absolute.
  if (seconds > 1_000_000_000) return Math.max(0, seconds * 1000 - now);
  return Math.round(seconds * 1000);
}

export interface RateLimitInfo {
  /** Requests left in the current window. */
  remaining?: number;
  limit?: number;
  /** Ms until the window resets. */
  resetMs?: number;
}

const int = (value: string | undefined): number | undefined =>
  value !== undefined && /^\s*\d+\s*$/.test(value) ? Number(value) : undefined;

/**
 * What the response says about the rate-limit window: IETF `RateLimit-*` headers, else Kong's
 * `X-RateLimit-*-Minute` (whose window is taken as the rest of the current minute).
 */
export function readRateLimit(headers: Headers, now: number): RateLimitInfo {
  const remaining = int(headers['ratelimit-remaining']) ?? int(headers['x-ratelimit-remaining-minute']);
  const limit = int(headers['ratelimit-limit']) ?? int(headers['x-ratelimit-limit-minute']);
  let resetMs = parseRateLimitReset(headers['ratelimit-reset'], now);
  if (resetMs === undefined && headers['x-ratelimit-remaining-minute'] !== undefined) resetMs = 60_000 - (now % 60_000);
  const info: RateLimitInfo = {};
  if (remaining !== undefined) info.remaining = remaining;
  if (limit !== undefined) info.limit = limit;
  if (resetMs !== undefined) info.resetMs = resetMs;
  return info;
}

/** How long a 429 asks to wait: Retry-After, else RateLimit-Reset, else undefined (use backoff). */
export function throttleDelay(headers: Headers, now: number): { ms: number; source: 'retry-after' | 'ratelimit-reset' } | undefined {
  const retryAfter = parseRetryAfter(headers['retry-after'], now);
  if (retryAfter !== undefined) return { ms: retryAfter, source: 'retry-after' };
  const reset = parseRateLimitReset(headers['ratelimit-reset'], now);
  if (reset !== undefined) return { ms: reset, source: 'ratelimit-reset' };
  return undefined;
}

/** Whether a response says anything about the limit: Retry-After, RateLimit-* or X-RateLimit-*. */
export function announcesLimit(headers: Headers): boolean {
  return Object.keys(headers).some((name) => name === 'retry-after' || name.startsWith('ratelimit-') || name.startsWith('x-ratelimit-'));
}

/** A 429 that reports requests left in its window: the window is not exhausted, so the refusal is transient. */
export function windowHasRoom(headers: Headers, now: number): boolean {
  const remaining = readRateLimit(headers, now).remaining;
  return remaining !== undefined && remaining > 0;
}
