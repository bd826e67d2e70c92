import type { Clock } from './clock.js';
import type { AdaptiveTimeoutPolicy } from './attempt-timeout.js';

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

/**
 * Learning a limit the server does not announce: a 429 with no `Retry-After`, `RateLimit-*` or `X-RateLimit-*`
 * (kong-operator#809; an nginx connection-level limit). The first such 429 estimates the ceiling from the requests
 * served in the trailing window, then every request waits while one probe at a time backs off (full jitter) until
 * one is served; after that requests are paced at the learned ceiling, raised slowly while it holds.
 */
export interface UnannouncedLimitPolicy {
  /** The window the server is assumed to count over; served requests are counted over the trailing one. @default 60000 */
  windowMs?: number;
  /** The learned ceiling is this far below the requests served in the trailing window. @default 0.05 */
  margin?: number;
  /** Each clean window (no unannounced 429, the ceiling used) raises the ceiling by this fraction. @default 0.02 */
  increaseFraction?: number;
  /** A window counts as using the ceiling when it served at least this fraction of it. @default 0.8 */
  demandFraction?: number;
  /** The ceiling never goes below this, requests per minute. @default 30 */
  minPerMinute?: number;
  /** Largest probe backoff ceiling (the first is `retry.baseDelayMs`, doubling; full jitter). @default 15000 */
  maxProbeDelayMs?: number;
  /** Probes answered 429 that do not use up one of the request's `retry.maxAttempts`, per request. @default 20 */
  freeProbes?: number;
}

export type NormalizedUnannouncedLimitPolicy = Required<UnannouncedLimitPolicy>;

export const DEFAULT_UNANNOUNCED_LIMIT_POLICY: NormalizedUnannouncedLimitPolicy = {
  windowMs: 60_000,
  margin: 0.05,
  increaseFraction: 0.02,
  demandFraction: 0.8,
  minPerMinute: 30,
  maxProbeDelayMs: 15_000,
  freeProbes: 20,
};

/** Limits for the one scheduler every request goes through. */
export interface SchedulerOptions {
  /** Requests in flight at once. @default 4 */
  concurrency?: number;
  /** Proactive ceiling, requests per minute (Konnect answers 429 above 3000). @default 3000 */
  ratePerMinute?: number;
  /** Back-to-back requests allowed before the rate applies. @default 10 */
  burst?: number;
  /** Per-attempt timeout: the ceiling; attempts adapt below it to the observed latency (`adaptiveTimeout`). @default 30000 */
  timeoutMs?: number;
  /** How the per-attempt timeout follows the observed latency. */
  adaptiveTimeout?: AdaptiveTimeoutPolicy;
  retry?: RetryPolicy;
  /** Learning a limit the server does not announce. */
  unannounced?: UnannouncedLimitPolicy;
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
  /** Debug log: retries and rate-limit waits, one line each (`--verbose`). @default none */
  trace?: (line: string) => void;
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

export function normalizeUnannouncedLimitPolicy(policy: UnannouncedLimitPolicy = {}): NormalizedUnannouncedLimitPolicy {
  const out = { ...DEFAULT_UNANNOUNCED_LIMIT_POLICY };
  for (const [name, value] of Object.entries(policy) as Array<[keyof UnannouncedLimitPolicy, number | undefined]>) {
    if (value === undefined) continue;
    if (!(Number.isFinite(value) && value >= 0)) throw new TypeError(`unannounced.${name} must be a number ≥ 0`);
    out[name] = value;
  }
  if (!(out.windowMs > 0) || out.margin >= 1) throw new TypeError('unannounced.windowMs must be > 0 and unannounced.margin < 1');
  return out;
}
