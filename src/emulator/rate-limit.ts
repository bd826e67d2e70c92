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
 *
 * `sendHeaders = false` announces nothing: no `ratelimit-*`, `x-ratelimit-*` or `retry-after`, on successes and on
 * 429s alike (a 429 is then the bare body, like an nginx connection-level limit or kong-operator#809's 429s).
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly now: () => number,
    private readonly omitRetryAfter = false,
    private readonly sendHeaders = true,
  ) {}

  hit(key: string): RateLimitDecision {
    const now = this.now();
    const window = this.current(key, now);
    window.count += 1;
    const allowed = window.count <= this.limit;
    return { allowed, headers: this.headers(window.start, now, Math.max(0, this.limit - window.count), !allowed) };
  }

  /**
   * Headers for an injected transient 429: the window's true count (it still has room), and a short Retry-After when
   * asked for. Nothing when the limiter announces nothing.
   */
  transientHeaders(key: string, retryAfter: boolean): Record<string, string> {
    const now = this.now();
    const window = this.current(key, now);
    const headers = this.headers(window.start, now, Math.max(0, this.limit - window.count), false);
    if (retryAfter && this.sendHeaders && !this.omitRetryAfter) headers['retry-after'] = '1';
    return headers;
  }

  /** An injected exhaustion: the rest of this window is refused, as when the limit is really reached. */
  exhaust(key: string): RateLimitDecision {
    const now = this.now();
    const window = this.current(key, now);
    window.count = Math.max(window.count, this.limit + 1);
    return { allowed: false, headers: this.headers(window.start, now, 0, true) };
  }

  private current(key: string, now: number): { start: number; count: number } {
    const start = Math.floor(now / WINDOW_MS) * WINDOW_MS;
    let window = this.windows.get(key);
    if (!window || window.start !== start) {
      window = { start, count: 0 };
      this.windows.set(key, window);
    }
    return window;
  }

  private headers(start: number, now: number, remaining: number, throttled: boolean): Record<string, string> {
    if (!this.sendHeaders) return {};
    const reset = Math.max(1, Math.ceil((start + WINDOW_MS - now) / 1000));
    const headers: Record<string, string> = {
      'ratelimit-limit': String(this.limit),
      'ratelimit-remaining': String(remaining),
      'ratelimit-reset': String(reset),
      'x-ratelimit-limit-minute': String(this.limit),
      'x-ratelimit-remaining-minute': String(remaining),
    };
    if (throttled && !this.omitRetryAfter) headers['retry-after'] = String(reset);
    return headers;
  }
}
