/**
 * The per-attempt timeout, adapted to the latency the server shows. A request whose answer was lost (a post-commit
 * timeout, a dead connection) would otherwise hold its concurrency slot for the whole configured timeout, 30 s by
 * default, while healthy answers take tens of milliseconds. Once enough answers were seen, a first attempt waits
 * `multiplier` × the high percentile of recent latencies, never less than `floorMs`; every further attempt of the same
 * request doubles that, and nothing ever waits longer than the configured timeout (the ceiling). A slow but healthy
 * request therefore still gets through, at worst on a later attempt with the full timeout, and POST safety is the
 * scheduler's as before: a timed-out POST is looked up by its natural key before anything is re-sent.
 */
export interface AdaptiveTimeoutPolicy {
  /** Off: every attempt waits the configured timeout. @default true */
  enabled?: boolean;
  /** An adapted timeout is never shorter than this. @default 5000 */
  floorMs?: number;
  /** Timeout = this × the latency percentile. @default 10 */
  multiplier?: number;
  /** The percentile of recent latencies, 0-1. @default 0.99 */
  percentile?: number;
  /** Recent answers remembered. @default 200 */
  samples?: number;
  /** Answers needed before the timeout follows the latency. @default 10 */
  minSamples?: number;
  /**
   * A first attempt before that waits this long (then doubling per retry, up to the ceiling): a run's first requests
   * (reading the org) should not cost the whole configured timeout each when an answer is lost. @default 10000
   */
  coldMs?: number;
}

export type NormalizedAdaptiveTimeoutPolicy = Required<AdaptiveTimeoutPolicy>;

export const DEFAULT_ADAPTIVE_TIMEOUT: NormalizedAdaptiveTimeoutPolicy = {
  enabled: true,
  floorMs: 5000,
  multiplier: 10,
  percentile: 0.99,
  samples: 200,
  minSamples: 10,
  coldMs: 10_000,
};

export function normalizeAdaptiveTimeout(policy: AdaptiveTimeoutPolicy = {}): NormalizedAdaptiveTimeoutPolicy {
  const out: NormalizedAdaptiveTimeoutPolicy = { ...DEFAULT_ADAPTIVE_TIMEOUT };
  for (const [name, value] of Object.entries(policy) as Array<[keyof AdaptiveTimeoutPolicy, number | boolean | undefined]>) {
    if (value !== undefined) (out as Record<string, unknown>)[name] = value;
  }
  const numbers: Array<keyof Omit<AdaptiveTimeoutPolicy, 'enabled'>> = ['floorMs', 'multiplier', 'percentile', 'samples', 'minSamples', 'coldMs'];
  for (const name of numbers) {
    if (!(Number.isFinite(out[name]) && out[name] > 0)) throw new TypeError(`adaptiveTimeout.${name} must be a number > 0`);
  }
  if (out.percentile > 1) throw new TypeError('adaptiveTimeout.percentile must be at most 1');
  return out;
}

export class AttemptTimeout {
  private readonly latencies: number[] = [];
  private next = 0;
  private cachedBase: number | undefined;

  constructor(
    /** The configured timeout: the ceiling of every attempt. */
    readonly ceilingMs: number,
    private readonly policy: NormalizedAdaptiveTimeoutPolicy,
  ) {}

  /** An answer (any status) arrived after `ms`. */
  observe(ms: number): void {
    if (this.latencies.length < this.policy.samples) this.latencies.push(ms);
    else this.latencies[this.next] = ms;
    this.next = (this.next + 1) % this.policy.samples;
    this.cachedBase = undefined;
  }

  /** How long attempt number `attempt` (1-based) of a request waits for its answer. */
  forAttempt(attempt: number): number {
    if (!this.policy.enabled) return this.ceilingMs;
    const base =
      this.latencies.length < this.policy.minSamples
        ? Math.max(this.policy.floorMs, this.policy.coldMs)
        : (this.cachedBase ??= Math.max(this.policy.floorMs, this.policy.multiplier * this.percentileLatency()));
    return Math.min(this.ceilingMs, Math.round(base * 2 ** Math.max(0, attempt - 1)));
  }

  private percentileLatency(): number {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(this.policy.percentile * sorted.length))]!;
  }
}
