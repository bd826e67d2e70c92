/** The exact body Konnect sends with a 429 (37 bytes). */
export const RATE_LIMIT_BODY = '{"message":"API rate limit exceeded"}';
const WINDOW_MS = 60_000;

export interface RateLimitDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

/**
 * Kong's rate-limiting plugin as Konnect runs it: a fixed window per minute of the clock, counted per token.
 * Every request counts, including the rejected ones.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly now: () => number,
    private readonly omitRetryAfter = false,
  ) {}

  hit(key: string): RateLimitDecision {
    const now = this.now();
    const start = Math.floor(now / WINDOW_MS) * WINDOW_MS;
    let window = this.windows.get(key);
    if (!window || window.start !== start) {
      window = { start, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    const allowed = window.count <= this.limit;
    const remaining = Math.max(0, this.limit - window.count);
    const reset = Math.max(1, Math.ceil((start + WINDOW_MS - now) / 1000));
    const headers: Record<string, string> = {
      'ratelimit-limit': String(this.limit),
      'ratelimit-remaining': String(remaining),
      'ratelimit-reset': String(reset),
      'x-ratelimit-limit-minute': String(this.limit),
      'x-ratelimit-remaining-minute': String(remaining),
    };
    if (!allowed && !this.omitRetryAfter) headers['retry-after'] = String(reset);
    return { allowed, headers };
  }

  /** Headers for an injected 429: the window looks exhausted. */
  exhaustedHeaders(key: string): Record<string, string> {
    const window = this.windows.get(key);
    const now = this.now();
    const start = window?.start ?? Math.floor(now / WINDOW_MS) * WINDOW_MS;
    const reset = Math.max(1, Math.ceil((start + WINDOW_MS - now) / 1000));
    const headers: Record<string, string> = {
      'ratelimit-limit': String(this.limit),
      'ratelimit-remaining': '0',
      'ratelimit-reset': String(reset),
      'x-ratelimit-limit-minute': String(this.limit),
      'x-ratelimit-remaining-minute': '0',
    };
    if (!this.omitRetryAfter) headers['retry-after'] = String(reset);
    return headers;
  }
}
