import pLimit, { type LimitFunction } from 'p-limit';
import { abortable, abortReason, systemClock, type Clock } from './clock.js';
import { TokenBucket } from './token-bucket.js';
import { AdaptiveRate } from './adaptive-rate.js';
import { backoffDelay } from './backoff.js';
import { readRateLimit, throttleDelay } from './retry-after.js';
import { classifyConnectionError, RequestTimeoutError, type ConnectionFailure } from './connection-errors.js';
import type { TransportResponse } from './transport.js';
import type { ApiResponse } from './types.js';
import {
  DEFAULT_CONCURRENCY,
  DEFAULT_RATE_PER_MINUTE,
  DEFAULT_TIMEOUT_MS,
  normalizeRetryPolicy,
  type NormalizedRetryPolicy,
  type SchedulerOptions,
} from './policy.js';
import { KonnectConnectionError } from './api-error.js';

/** One request as the scheduler runs it. */
export interface ScheduledJob {
  method: string;
  /** For error messages: relative path, no query, no secrets. */
  path: string;
  /** One attempt. Must honour `signal`. */
  send(signal: AbortSignal): Promise<TransportResponse>;
  /** For POSTs: finds the entity if an attempt that may have been applied was lost. */
  recover?: () => Promise<ApiResponse | undefined>;
  signal?: AbortSignal;
}

export type JobResult =
  | { kind: 'response'; response: TransportResponse; attempts: number }
  | { kind: 'recovered'; response: ApiResponse; attempts: number };

export interface SchedulerStats {
  /** Attempts sent, retries included. */
  requests: number;
  retries: number;
  /** 429s seen. */
  throttled: number;
  /** Highest number of attempts in flight at once. */
  maxInFlight: number;
}

/** POST answered with these may have been applied before the error: recover before re-sending. */
const MAYBE_APPLIED_STATUSES = new Set([500, 502, 504]);

/**
 * The one scheduler every Konnect request passes through: a concurrency cap (p-limit), a proactive token bucket
 * whose rate adapts (AIMD on 429, slow-down on RateLimit-Remaining), per-attempt timeouts and bounded retries.
 */
export class Scheduler {
  readonly clock: Clock;
  readonly policy: NormalizedRetryPolicy;
  readonly concurrency: number;
  readonly timeoutMs: number;
  private readonly limit: LimitFunction;
  private readonly bucket: TokenBucket;
  private readonly rate: AdaptiveRate;
  private readonly random: () => number;
  private readonly slowDownFraction: number;
  private readonly slowDownBelow: number;
  private inFlight = 0;
  private readonly counters: SchedulerStats = { requests: 0, retries: 0, throttled: 0, maxInFlight: 0 };

  constructor(options: SchedulerOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.policy = normalizeRetryPolicy(options.retry);
    this.concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    if (!Number.isInteger(this.concurrency) || this.concurrency < 1) throw new TypeError('concurrency must be an integer ≥ 1');
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const ratePerMinute = options.ratePerMinute ?? DEFAULT_RATE_PER_MINUTE;
    this.limit = pLimit(this.concurrency);
    this.bucket = new TokenBucket(this.clock, { ratePerMinute, burst: options.burst ?? 10 });
    this.rate = new AdaptiveRate(this.clock, { maxPerMinute: ratePerMinute });
    this.random = options.random ?? Math.random;
    this.slowDownFraction = options.slowDownFraction ?? 0.1;
    this.slowDownBelow = options.slowDownBelow ?? 20;
  }

  /** The rate the token bucket runs at now, requests per minute (below the ceiling after 429s). */
  get currentRatePerMinute(): number {
    return this.bucket.ratePerMinute;
  }

  get maxRatePerMinute(): number {
    return this.rate.max;
  }

  stats(): SchedulerStats {
    return { ...this.counters };
  }

  async run(job: ScheduledJob): Promise<JobResult> {
    for (let attempt = 1; attempt <= this.policy.maxAttempts; attempt++) {
      if (job.signal?.aborted) throw abortReason(job.signal);
      const last = attempt >= this.policy.maxAttempts;
      let response: TransportResponse;
      let throttleWait: number | undefined;
      try {
        // Waiting for a slot is abortable too; a queued attempt whose signal aborted sends nothing (take() throws).
        ({ response, throttleWait } = await abortable(this.limit(() => this.attempt(job, attempt)), job.signal));
      } catch (error) {
        if (job.signal?.aborted) throw abortReason(job.signal);
        const failure = classifyConnectionError(error);
        if (!failure) throw error;
        if (job.method === 'POST' && failure.maybeSent) {
          if (!job.recover) throw this.connectionError(job, failure, attempt, true);
          const found = await job.recover();
          if (found) return { kind: 'recovered', response: found, attempts: attempt };
        }
        if (last || !this.takeRetry()) throw this.connectionError(job, failure, attempt, false);
        await this.clock.sleep(backoffDelay(attempt, this.policy.baseDelayMs, this.policy.maxDelayMs, this.random), job.signal);
        continue;
      }
      if (!this.policy.statusCodes.includes(response.status) || last || !this.takeRetry()) {
        return { kind: 'response', response, attempts: attempt };
      }
      await this.clock.sleep(throttleWait ?? this.retryDelay(response, attempt), job.signal);
      if (job.method === 'POST' && job.recover && MAYBE_APPLIED_STATUSES.has(response.status)) {
        const found = await job.recover();
        if (found) return { kind: 'recovered', response: found, attempts: attempt };
      }
    }
    throw new Error('unreachable: the attempt loop always returns or throws');
  }

  /** One attempt inside a concurrency slot: wait for a token, then send with a timeout. */
  private async attempt(job: ScheduledJob, attempt: number): Promise<{ response: TransportResponse; throttleWait?: number }> {
    await this.bucket.take(job.signal);
    this.counters.requests++;
    this.inFlight++;
    this.counters.maxInFlight = Math.max(this.counters.maxInFlight, this.inFlight);
    const controller = new AbortController();
    const timer = new AbortController();
    const onOuter = () => controller.abort(abortReason(job.signal!));
    job.signal?.addEventListener('abort', onOuter, { once: true });
    this.clock.sleep(this.timeoutMs, timer.signal).then(
      () => controller.abort(new RequestTimeoutError(this.timeoutMs)),
      () => undefined,
    );
    const aborted = new Promise<never>((_, reject) => {
      controller.signal.addEventListener('abort', () => reject(abortReason(controller.signal)), { once: true });
    });
    aborted.catch(() => undefined);
    try {
      const response = await Promise.race([job.send(controller.signal), aborted]);
      // Still inside the concurrency slot: pauses and pacing apply before the next request takes a token.
      this.observe(response);
      if (response.status !== 429) {
        if (response.status < 500) this.onAnswered();
        return { response };
      }
      this.onThrottled();
      return { response, throttleWait: this.retryDelay(response, attempt) };
    } catch (error) {
      if (controller.signal.aborted && controller.signal.reason instanceof RequestTimeoutError) throw controller.signal.reason;
      throw error;
    } finally {
      this.inFlight--;
      timer.abort();
      job.signal?.removeEventListener('abort', onOuter);
    }
  }

  /** Global retry budget: a fixed allowance plus a share of all requests sent. */
  private takeRetry(): boolean {
    const allowed = this.policy.retryBudget + this.policy.retryBudgetRatio * this.counters.requests;
    if (this.counters.retries >= allowed) return false;
    this.counters.retries++;
    return true;
  }

  private retryDelay(response: TransportResponse, attempt: number): number {
    const backoff = () => backoffDelay(attempt, this.policy.baseDelayMs, this.policy.maxDelayMs, this.random);
    if (response.status !== 429 && response.status !== 503) return backoff();
    const asked = throttleDelay(response.headers, this.clock.now());
    const wait = Math.min(asked?.ms ?? backoff(), this.policy.maxRetryAfterMs);
    // Everyone waits, not only this request: the limit is shared.
    if (response.status === 429) this.bucket.pauseUntil(this.clock.now() + wait);
    return wait;
  }

  private onThrottled(): void {
    this.counters.throttled++;
    if (this.rate.onThrottled()) this.bucket.setRate(this.rate.perMinute);
  }

  private onAnswered(): void {
    if (this.rate.onSuccess()) this.bucket.setRate(this.rate.perMinute);
  }

  /** RateLimit-Remaining running low: spread what is left over the rest of the window; none left: wait for it. */
  private observe(response: TransportResponse): void {
    if (response.status === 429) return;
    const now = this.clock.now();
    const info = readRateLimit(response.headers, now);
    if (info.remaining === undefined || info.resetMs === undefined) return;
    const threshold = info.limit !== undefined ? info.limit * this.slowDownFraction : this.slowDownBelow;
    if (info.remaining > threshold) return;
    // Up to concurrency - 1 other requests may have reached the server after this one was counted.
    const budget = info.remaining - (this.concurrency - 1);
    if (budget <= 0) {
      this.bucket.pauseUntil(now + Math.min(info.resetMs, this.policy.maxRetryAfterMs));
      return;
    }
    this.bucket.paceUntil(now + info.resetMs, info.resetMs / budget);
  }

  private connectionError(job: ScheduledJob, failure: ConnectionFailure, attempts: number, maybeApplied: boolean): KonnectConnectionError {
    const what = failure.code === 'timeout' ? `no answer within ${this.timeoutMs} ms` : `connection failed (${failure.code})`;
    const message = maybeApplied
      ? `${job.method} ${job.path}: ${what} after the request was sent; it may have been applied, so it was not re-sent`
      : `${job.method} ${job.path}: ${what}${attempts > 1 ? ` after ${attempts} attempts` : ''}`;
    return new KonnectConnectionError(job.method, job.path, failure.code, attempts, maybeApplied, message);
  }
}
