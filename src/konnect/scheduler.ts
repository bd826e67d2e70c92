import pLimit, { type LimitFunction } from 'p-limit';
import { abortable, abortReason, systemClock, type Clock } from './clock.js';
import { TokenBucket } from './token-bucket.js';
import { AdaptiveRate } from './adaptive-rate.js';
import { backoffDelay } from './backoff.js';
import { announcesLimit, parseRetryAfter, readRateLimit, throttleDelay, windowHasRoom } from './retry-after.js';
import { LearnedLimit, type Ticket } from './learned-limit.js';
import { classifyConnectionError, RequestTimeoutError, type ConnectionFailure } from './connection-errors.js';
import type { TransportResponse } from './transport.js';
import type { ApiResponse } from './types.js';
import {
  DEFAULT_CONCURRENCY,
  DEFAULT_RATE_PER_MINUTE,
  DEFAULT_TIMEOUT_MS,
  normalizeRetryPolicy,
  normalizeUnannouncedLimitPolicy,
  type NormalizedRetryPolicy,
  type NormalizedUnannouncedLimitPolicy,
  type SchedulerOptions,
} from './policy.js';
import { KonnectConnectionError } from './api-error.js';
import { NetworkError } from './network-error.js';
import { AttemptTimeout, normalizeAdaptiveTimeout } from './attempt-timeout.js';

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

interface AttemptOutcome {
  response: TransportResponse;
  throttleWait?: number;
  /** A 429 answered to the probe of an unannounced-limit episode. */
  probe?: boolean;
}

/** Bounds the token/episode rounds of one attempt (each round waits for a token or for an episode to end). */
const MAX_ADMIT_ROUNDS = 100;

/** POST answered with these may have been applied before the error: recover before re-sending. */
const MAYBE_APPLIED_STATUSES = new Set([500, 502, 504]);

/**
 * The one scheduler every Konnect request passes through: a concurrency cap (p-limit), a proactive token bucket
 * whose rate adapts (AIMD on 429, slow-down on RateLimit-Remaining), per-attempt timeouts and bounded retries.
 * A limit the server does not announce (bare 429s) is learned: see LearnedLimit and `SchedulerOptions.unannounced`.
 */
export class Scheduler {
  readonly clock: Clock;
  readonly policy: NormalizedRetryPolicy;
  readonly unannounced: NormalizedUnannouncedLimitPolicy;
  readonly concurrency: number;
  readonly timeoutMs: number;
  private readonly limit: LimitFunction;
  private readonly bucket: TokenBucket;
  private readonly rate: AdaptiveRate;
  private readonly learner: LearnedLimit;
  private readonly random: () => number;
  private readonly slowDownFraction: number;
  private readonly slowDownBelow: number;
  private readonly trace: ((line: string) => void) | undefined;
  private readonly attemptTimeout: AttemptTimeout;
  private inFlight = 0;
  private readonly counters: SchedulerStats = { requests: 0, retries: 0, throttled: 0, maxInFlight: 0 };

  constructor(options: SchedulerOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.policy = normalizeRetryPolicy(options.retry);
    this.concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    if (!Number.isInteger(this.concurrency) || this.concurrency < 1) throw new TypeError('concurrency must be an integer ≥ 1');
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.attemptTimeout = new AttemptTimeout(this.timeoutMs, normalizeAdaptiveTimeout(options.adaptiveTimeout));
    const ratePerMinute = options.ratePerMinute ?? DEFAULT_RATE_PER_MINUTE;
    this.limit = pLimit(this.concurrency);
    this.bucket = new TokenBucket(this.clock, { ratePerMinute, burst: options.burst ?? 10 });
    this.rate = new AdaptiveRate(this.clock, { maxPerMinute: ratePerMinute });
    this.random = options.random ?? Math.random;
    this.unannounced = normalizeUnannouncedLimitPolicy(options.unannounced);
    this.learner = new LearnedLimit(this.clock, this.unannounced, ratePerMinute, this.policy.baseDelayMs, this.random);
    this.slowDownFraction = options.slowDownFraction ?? 0.1;
    this.slowDownBelow = options.slowDownBelow ?? 20;
    this.trace = options.trace;
  }

  /** The rate the token bucket runs at now, requests per minute (below the ceiling after 429s). */
  get currentRatePerMinute(): number {
    return this.bucket.ratePerMinute;
  }

  /** The ceiling learned from 429s that announced no limit, requests per minute; undefined before the first. */
  get learnedCeilingPerMinute(): number | undefined {
    return this.learner.ceiling;
  }

  stats(): SchedulerStats {
    return { ...this.counters };
  }

  async run(job: ScheduledJob): Promise<JobResult> {
    let attempt = 1;
    let freeProbes = 0;
    // Bounded: every round uses up an attempt, except up to `unannounced.freeProbes` probes answered 429.
    for (let round = 0; round < this.policy.maxAttempts + this.unannounced.freeProbes && attempt <= this.policy.maxAttempts; round++) {
      if (job.signal?.aborted) throw abortReason(job.signal);
      let last = attempt >= this.policy.maxAttempts;
      let response: TransportResponse;
      let throttleWait: number | undefined;
      let probe: boolean | undefined;
      try {
        // Waiting for a slot is abortable too; a queued attempt whose signal aborted sends nothing (take() throws).
        const current = attempt;
        ({ response, throttleWait, probe } = await abortable(this.limit(() => this.attempt(job, current)), job.signal));
      } catch (error) {
        if (job.signal?.aborted) throw abortReason(job.signal);
        const failure = classifyConnectionError(error);
        if (!failure) throw error;
        const waitedMs = error instanceof RequestTimeoutError ? error.timeoutMs : undefined;
        if (job.method === 'POST' && failure.maybeSent) {
          if (!job.recover) throw this.connectionError(job, failure, attempt, true, error, waitedMs);
          const found = await job.recover();
          if (found) return { kind: 'recovered', response: found, attempts: attempt };
        }
        if (last || !this.takeRetry()) throw this.connectionError(job, failure, attempt, false, error, waitedMs);
        const delay = backoffDelay(attempt, this.policy.baseDelayMs, this.policy.maxDelayMs, this.random);
        this.trace?.(`retry ${job.method} ${job.path} in ${Math.round(delay)} ms (attempt ${attempt + 1} of ${this.policy.maxAttempts}): ${failure.code}`);
        await this.clock.sleep(delay, job.signal);
        attempt++;
        continue;
      }
      // A probe turned away while the whole client waits says nothing about this request: it keeps its attempts.
      const free = probe === true && freeProbes < this.unannounced.freeProbes;
      if (free) {
        freeProbes++;
        last = false;
      }
      // A POST answered 500/502/504 may have been applied: without `recover` it is not re-sent (as for a lost answer).
      const maybeApplied = job.method === 'POST' && MAYBE_APPLIED_STATUSES.has(response.status);
      if (!this.policy.statusCodes.includes(response.status) || last || (maybeApplied && !job.recover) || !this.takeRetry()) {
        return { kind: 'response', response, attempts: attempt };
      }
      const delay = throttleWait ?? this.retryDelay(response, attempt);
      const why = response.status === 429 ? 'rate limited (429)' : `status ${response.status}`;
      this.trace?.(`retry ${job.method} ${job.path} in ${Math.round(delay)} ms (${free ? 'probe' : `attempt ${attempt + 1} of ${this.policy.maxAttempts}`}): ${why}`);
      await this.clock.sleep(delay, job.signal);
      if (maybeApplied && job.recover) {
        const found = await job.recover();
        if (found) return { kind: 'recovered', response: found, attempts: attempt };
      }
      if (!free) attempt++;
    }
    throw new Error('unreachable: the attempt loop always returns or throws');
  }

  /**
   * One attempt inside a concurrency slot: wait for a token (and out any unannounced-limit episode), then send with a
   * timeout adapted to the latency seen so far (AttemptTimeout), so a lost answer frees its slot soon.
   */
  private async attempt(job: ScheduledJob, attempt: number): Promise<AttemptOutcome> {
    const queued = this.clock.now();
    const ticket = await this.admit(job.signal);
    const waited = this.clock.now() - queued;
    if (waited >= 1) this.trace?.(`rate limit: ${job.method} ${job.path} waited ${Math.round(waited)} ms for its turn`);
    this.counters.requests++;
    this.inFlight++;
    this.counters.maxInFlight = Math.max(this.counters.maxInFlight, this.inFlight);
    const controller = new AbortController();
    const timer = new AbortController();
    const onOuter = () => controller.abort(abortReason(job.signal!));
    job.signal?.addEventListener('abort', onOuter, { once: true });
    const timeoutMs = this.attemptTimeout.forAttempt(attempt);
    const sentAt = this.clock.now();
    this.clock.sleep(timeoutMs, timer.signal).then(
      () => controller.abort(new RequestTimeoutError(timeoutMs)),
      () => undefined,
    );
    const aborted = new Promise<never>((_, reject) => {
      controller.signal.addEventListener('abort', () => reject(abortReason(controller.signal)), { once: true });
    });
    aborted.catch(() => undefined);
    try {
      const response = await Promise.race([job.send(controller.signal), aborted]);
      this.attemptTimeout.observe(this.clock.now() - sentAt);
      // Still inside the concurrency slot: pauses and pacing apply before the next request takes a token.
      this.observe(response);
      if (response.status !== 429) {
        const raised = this.learner.onServed(ticket);
        if (raised !== undefined) this.capRate(raised);
        if (response.status < 500) this.onAnswered();
        return { response };
      }
      this.counters.throttled++;
      if (!announcesLimit(response.headers)) return this.onUnannounced(ticket, response);
      if (windowHasRoom(response.headers, this.clock.now())) return { response, throttleWait: this.transientDelay(response, attempt) };
      this.onThrottled();
      return { response, throttleWait: this.retryDelay(response, attempt) };
    } catch (error) {
      if (controller.signal.aborted && controller.signal.reason instanceof RequestTimeoutError) throw controller.signal.reason;
      throw error;
    } finally {
      this.learner.release(ticket);
      this.inFlight--;
      timer.abort();
      job.signal?.removeEventListener('abort', onOuter);
    }
  }

  /**
   * A token, then the unannounced-limit gate. A request that waited out an episode takes a fresh token, so the
   * waiters resume at the learned pace rather than all at once; the probe goes when its backoff ends.
   */
  private async admit(signal: AbortSignal | undefined): Promise<Ticket> {
    await this.bucket.take(signal);
    let ticket = await this.learner.admit(signal);
    for (let round = 1; round < MAX_ADMIT_ROUNDS && ticket.waited && !ticket.probe; round++) {
      await this.bucket.take(signal);
      ticket = await this.learner.admit(signal);
    }
    return ticket;
  }

  /** A bare 429: the learner sets the ceiling (or, with nothing to estimate from, AIMD halves) and says how long to wait. */
  private onUnannounced(ticket: Ticket, response: TransportResponse): AttemptOutcome {
    const verdict = this.learner.onThrottled(ticket);
    if (verdict.ceiling !== undefined) this.capRate(verdict.ceiling);
    else if (verdict.unestimated) this.onThrottled();
    return { response, throttleWait: verdict.waitMs, probe: verdict.probe };
  }

  private capRate(perMinute: number): void {
    this.rate.setCap(perMinute);
    this.bucket.setRate(this.rate.perMinute);
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

  /**
   * A 429 whose own headers say the window still has room is a transient refusal: only this request waits (its
   * Retry-After, else a short backoff) and the rate stays. Pausing everyone until the window's reset, as for an
   * exhausted window, would stall the whole run for up to a minute on each one.
   */
  private transientDelay(response: TransportResponse, attempt: number): number {
    const asked = parseRetryAfter(response.headers['retry-after'], this.clock.now());
    return Math.min(asked ?? backoffDelay(attempt, this.policy.baseDelayMs, this.policy.maxDelayMs, this.random), this.policy.maxRetryAfterMs);
  }

  private onThrottled(): void {
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

  private connectionError(
    job: ScheduledJob,
    failure: ConnectionFailure,
    attempts: number,
    maybeApplied: boolean,
    error: unknown,
    waitedMs = this.timeoutMs,
  ): KonnectConnectionError {
    // The transport names host, port, proxy and cause; a bare code is all a custom transport may give.
    const what =
      failure.code === 'timeout' ? `no answer within ${waitedMs} ms` : error instanceof NetworkError ? error.message : `connection failed (${failure.code})`;
    const message = maybeApplied
      ? `${job.method} ${job.path}: ${what} after the request was sent; it may have been applied, so it was not re-sent`
      : `${job.method} ${job.path}: ${what}${attempts > 1 ? ` after ${attempts} attempts` : ''}`;
    return new KonnectConnectionError(job.method, job.path, failure.code, attempts, maybeApplied, message);
  }
}
