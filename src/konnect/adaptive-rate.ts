import type { Clock } from './clock.js';

export interface AdaptiveRateOptions {
  /** Configured ceiling, requests per minute. */
  maxPerMinute: number;
  /** Multiplier applied on a 429. @default 0.5 */
  decreaseFactor?: number;
  /** Floor, requests per minute. @default 30 */
  minPerMinute?: number;
  /** Added per successful window, as a fraction of the ceiling. @default 0.1 */
  increaseFraction?: number;
  /** A window with successes and no 429 earns one increase. @default 5000 */
  windowMs?: number;
  /** 429s within this long of a decrease count as the same event (in-flight requests share one burst). @default 2000 */
  decreaseCooldownMs?: number;
}

/**
 * AIMD: halve on 429, add a step per clean window, never above the configured ceiling, nor above a learned cap
 * (a limit the server does not announce, see LearnedLimit).
 */
export class AdaptiveRate {
  readonly max: number;
  private current: number;
  private readonly min: number;
  private readonly factor: number;
  private readonly step: number;
  private readonly windowMs: number;
  private readonly cooldownMs: number;
  private cap = Number.POSITIVE_INFINITY;
  private lastDecrease = Number.NEGATIVE_INFINITY;
  private windowStart: number;

  constructor(
    private readonly clock: Clock,
    options: AdaptiveRateOptions,
  ) {
    this.max = options.maxPerMinute;
    this.current = options.maxPerMinute;
    this.min = Math.min(options.minPerMinute ?? 30, options.maxPerMinute);
    this.factor = options.decreaseFactor ?? 0.5;
    this.step = options.maxPerMinute * (options.increaseFraction ?? 0.1);
    this.windowMs = options.windowMs ?? 5000;
    this.cooldownMs = options.decreaseCooldownMs ?? 2000;
    this.windowStart = clock.now();
  }

  /** The rate to run at: the AIMD rate, under the learned cap. */
  get perMinute(): number {
    return Math.min(this.current, this.cap);
  }

  /** Caps the rate at a learned ceiling (requests per minute); raising the cap lets the rate follow at once. */
  setCap(perMinute: number): void {
    if (perMinute > 0) this.cap = perMinute;
  }

  /** A 429 was seen. Returns true when the rate went down. */
  onThrottled(): boolean {
    const now = this.clock.now();
    this.windowStart = now;
    if (now - this.lastDecrease < this.cooldownMs) return false;
    this.lastDecrease = now;
    const before = this.perMinute;
    this.current = Math.max(this.min, before * this.factor);
    return this.perMinute !== before;
  }

  /** A request succeeded. Returns true when the rate went up. */
  onSuccess(): boolean {
    const now = this.clock.now();
    if (this.current >= this.max || now - this.windowStart < this.windowMs) return false;
    this.windowStart = now;
    const before = this.perMinute;
    this.current = Math.min(this.max, this.current + this.step);
    return this.perMinute !== before;
  }
}
