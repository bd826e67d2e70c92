import type { Clock } from './clock.js';

/** When and how often a request is retried. Data, with documented defaults. */
export interface RetryPolicy {
  /** Attempts per request, the first included. @default 6 */
  maxAttempts?: number;
  /** First backoff ceiling (full jitter). @default 500 */
  baseDelayMs?: number;
  /** Largest backoff ceiling. @default 30000 */
  maxDelayMs?: number;
  /** Statuses that are retried; every other 4xx is final. @default [429, 500, 502, 503, 504] */
  statusCodes?: number[];
  /** A Retry-After / RateLimit-Reset longer than this is cut to it. @default 120000 */
  maxRetryAfterMs?: number;
  /** Global retry budget: retries allowed across the client = this + `retryBudgetRatio` × requests. @default 50 */
  retryBudget?: number;
  /** @default 0.2 */
  retryBudgetRatio?: number;
}

/** Limits for the one scheduler every request goes through. */
export interface SchedulerOptions {
  /** Requests in flight at once. @default 4 */
  concurrency?: number;
  /** Proactive ceiling, requests per minute (Konnect answers 429 above 3000). @default 3000 */
  ratePerMinute?: number;
  /** Back-to-back requests allowed before the rate applies. @default 10 */
  burst?: number;
  /** Per-attempt timeout. @default 30000 */
  timeoutMs?: number;
  retry?: RetryPolicy;
  /**
   * When `RateLimit-Remaining` falls to this fraction of `RateLimit-Limit` (or to `slowDownBelow` requests when the
   * limit is unknown), the rest of the window is paced evenly. @default 0.1
   */
  slowDownFraction?: number;
  /** @default 20 */
  slowDownBelow?: number;
  /** @default systemClock */
  clock?: Clock;
  /** Jitter source, for tests. @default Math.random */
  random?: () => number;
}

export type NormalizedRetryPolicy = Required<RetryPolicy>;

export const DEFAULT_RETRY_POLICY: NormalizedRetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  statusCodes: [429, 500, 502, 503, 504],
  maxRetryAfterMs: 120_000,
  retryBudget: 50,
  retryBudgetRatio: 0.2,
};

export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_RATE_PER_MINUTE = 3000;
export const DEFAULT_TIMEOUT_MS = 30_000;

export function normalizeRetryPolicy(policy: RetryPolicy = {}): NormalizedRetryPolicy {
  const out = { ...DEFAULT_RETRY_POLICY };
  for (const [name, value] of Object.entries(policy) as Array<[keyof RetryPolicy, RetryPolicy[keyof RetryPolicy]]>) {
    if (value !== undefined) (out as Record<string, unknown>)[name] = value;
  }
  if (!Number.isInteger(out.maxAttempts) || out.maxAttempts < 1) throw new TypeError(`retry.maxAttempts must be an integer ≥ 1`);
  return out;
}
