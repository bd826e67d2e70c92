import { abortReason, type Clock } from './clock.js';

export interface TokenBucketOptions {
  /** Sustained requests per minute. */
  ratePerMinute: number;
  /** Requests that may go back to back before the rate applies. @default 10 */
  burst?: number;
}

/**
 * Proactive rate limit (GCRA, the virtual-scheduling form of a token bucket): in any window of `w` ms at most
 * `burst + w / interval` requests start. Each `take()` reserves the next free slot, so waiters are served in order.
 * `pauseUntil` stops every start (429 Retry-After); `paceUntil` spaces starts further apart for a while
 * (RateLimit-Remaining running low).
 */
export class TokenBucket {
  private rate: number;
  private readonly burst: number;
  /** Theoretical arrival time of the next request. */
  private tat: number;
  private notBefore = 0;
  private pace: { until: number; intervalMs: number } | undefined;

  constructor(
    private readonly clock: Clock,
    options: TokenBucketOptions,
  ) {
    if (!(options.ratePerMinute > 0)) throw new TypeError(`ratePerMinute must be > 0, got ${options.ratePerMinute}`);
    this.rate = options.ratePerMinute;
    this.burst = Math.max(1, Math.floor(options.burst ?? 10));
    this.tat = clock.now();
  }

  get ratePerMinute(): number {
    return this.rate;
  }

  setRate(ratePerMinute: number): void {
    if (ratePerMinute > 0) this.rate = ratePerMinute;
  }

  /** No request starts before `at` (ms on the clock). */
  pauseUntil(at: number): void {
    this.notBefore = Math.max(this.notBefore, at);
  }

  /** Until `until`, starts are at least `intervalMs` apart (the longer of this and the rate's interval wins). */
  paceUntil(until: number, intervalMs: number): void {
    this.pace = { until, intervalMs };
  }

  private interval(now: number): number {
    const base = 60_000 / this.rate;
    if (this.pace && now < this.pace.until) return Math.max(base, this.pace.intervalMs);
    return base;
  }

  /** Reserves the next slot; returns when it may start (ms on the clock). */
  reserve(): number {
    const now = this.clock.now();
    const interval = this.interval(now);
    // While pacing there is no burst allowance: the point is to spread what is left of the window.
    const tolerance = this.pace && now < this.pace.until ? 0 : (this.burst - 1) * interval;
    const start = Math.max(now, this.tat - tolerance, this.notBefore);
    this.tat = Math.max(this.tat, start) + interval;
    return start;
  }

  /** Waits for a slot (and for any pause). Abortable. */
  async take(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw abortReason(signal);
    const at = this.reserve();
    const now = this.clock.now();
    if (at > now) await this.clock.sleep(at - now, signal);
    // A pause set while this request waited applies to it too. Bounded: each round sleeps to the pause's end.
    for (let round = 0; round < 100 && this.clock.now() < this.notBefore; round++) {
      await this.clock.sleep(this.notBefore - this.clock.now(), signal);
    }
  }
}
