import { abortReason, type Clock } from './clock.js';
import { backoffDelay } from './backoff.js';
import { TrailingCount } from './trailing-count.js';
import type { NormalizedUnannouncedLimitPolicy } from './policy.js';

/** What `admit` hands a request: whether it goes as the probe of a throttling episode. */
export interface Ticket {
  probe: boolean;
  /** Episodes started before this request was admitted. */
  seq: number;
  /** It waited for an episode to end (and should take a fresh token before it goes). */
  waited: boolean;
  settled: boolean;
}

/** A throttling episode: every request waits; one probe at a time, exponential full-jitter backoff between probes. */
interface Episode {
  /** Probes answered 429 so far. */
  failedProbes: number;
  nextProbeAt: number;
  probeOut: boolean;
}

export interface ThrottleVerdict {
  /** How long the throttled request waits before it comes back. */
  waitMs: number;
  /** Set when this 429 started an episode and the trailing window gave an estimate: the new ceiling. */
  ceiling?: number;
  /** The 429 answered this episode's probe: it need not use up one of the request's attempts. */
  probe: boolean;
  /** This 429 started an episode but nothing could be estimated (too little served): fall back to AIMD. */
  unestimated: boolean;
}

/** Upper bound on admit's rounds; each round sleeps to the next probe time or until the episode changes. */
const MAX_ADMIT_ROUNDS = 10_000;

/**
 * A rate limit the server does not announce, learned from its bare 429s. The ceiling estimate is the number of
 * requests served in the trailing window (for one client against a per-window limit, at least the limit: a fixed
 * window that straddles it can only over-count, and the next episode corrects that), less a margin.
 */
export class LearnedLimit {
  private readonly served: TrailingCount;
  private learned: number | undefined;
  private episode: Episode | undefined;
  private seq = 0;
  private lastChange: number;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly clock: Clock,
    private readonly policy: NormalizedUnannouncedLimitPolicy,
    private readonly maxPerMinute: number,
    private readonly baseDelayMs: number,
    private readonly random: () => number,
  ) {
    this.served = new TrailingCount(policy.windowMs);
    this.lastChange = clock.now();
  }

  /** Learned ceiling, requests per minute; undefined until a bare 429 was seen. */
  get ceiling(): number | undefined {
    return this.learned;
  }

  /** Waits while an episode is on: returns at once without one, as the probe when its turn comes, or after it ends. */
  async admit(signal: AbortSignal | undefined): Promise<Ticket> {
    let waited = false;
    for (let round = 0; round < MAX_ADMIT_ROUNDS; round++) {
      if (signal?.aborted) throw abortReason(signal);
      const episode = this.episode;
      if (!episode) return { probe: false, seq: this.seq, waited, settled: false };
      waited = true;
      const now = this.clock.now();
      if (!episode.probeOut && now >= episode.nextProbeAt) {
        episode.probeOut = true;
        return { probe: true, seq: this.seq, waited, settled: false };
      }
      await this.waitForChange(episode.probeOut ? this.policy.maxProbeDelayMs : episode.nextProbeAt - now, signal);
    }
    return { probe: false, seq: this.seq, waited, settled: false };
  }

  /** A non-429 answer. Returns the new ceiling when a clean window raised it. */
  onServed(ticket: Ticket): number | undefined {
    const now = this.clock.now();
    this.served.add(now);
    if (this.settle(ticket) && this.episode) {
      // The probe got through: the server takes requests again.
      this.episode = undefined;
      this.lastChange = now;
      this.notify();
      return undefined;
    }
    if (this.episode || this.learned === undefined || now - this.lastChange < this.policy.windowMs) return undefined;
    this.lastChange = now;
    if (this.learned >= this.maxPerMinute) return undefined;
    const perMinute = (this.served.count(now) * 60_000) / this.policy.windowMs;
    if (perMinute < this.learned * this.policy.demandFraction) return undefined;
    this.learned = Math.min(this.maxPerMinute, this.learned * (1 + this.policy.increaseFraction));
    return this.learned;
  }

  /** A 429 that announced nothing. */
  onThrottled(ticket: Ticket): ThrottleVerdict {
    const now = this.clock.now();
    const wasProbe = this.settle(ticket);
    let episode = this.episode;
    if (episode && wasProbe && ticket.seq === this.seq) {
      episode.failedProbes++;
      episode.nextProbeAt = now + this.probeDelay(episode.failedProbes + 1);
      this.notify();
      return { waitMs: episode.nextProbeAt - now, probe: true, unestimated: false };
    }
    if (episode) return { waitMs: Math.max(0, episode.nextProbeAt - now), probe: false, unestimated: false };
    // Sent before the last episode began (and answered after it ended): that episode already accounted for it.
    if (ticket.seq < this.seq) return { waitMs: 0, probe: false, unestimated: false };
    episode = { failedProbes: 0, nextProbeAt: now + this.probeDelay(1), probeOut: false };
    this.episode = episode;
    this.seq++;
    this.lastChange = now;
    const verdict: ThrottleVerdict = { waitMs: episode.nextProbeAt - now, probe: false, unestimated: false };
    const perMinute = (this.served.count(now) * 60_000) / this.policy.windowMs;
    if (perMinute < this.policy.minPerMinute) {
      verdict.unestimated = true;
      return verdict;
    }
    this.learned = Math.min(this.maxPerMinute, Math.max(this.policy.minPerMinute, perMinute * (1 - this.policy.margin)));
    verdict.ceiling = this.learned;
    return verdict;
  }

  /** The attempt ended without an answer (error, timeout, abort): a probe's turn passes to the next request. */
  release(ticket: Ticket): void {
    if (this.settle(ticket)) this.notify();
  }

  /** Marks the ticket used; true when it was the current episode's probe (which is then no longer out). */
  private settle(ticket: Ticket): boolean {
    if (ticket.settled) return false;
    ticket.settled = true;
    if (!ticket.probe || !this.episode || ticket.seq !== this.seq) return false;
    this.episode.probeOut = false;
    return true;
  }

  private probeDelay(probe: number): number {
    return backoffDelay(probe, this.baseDelayMs, this.policy.maxProbeDelayMs, this.random);
  }

  private notify(): void {
    for (const wake of [...this.listeners]) wake();
  }

  /** Sleeps up to `ms`, waking early when the episode changes. Abortable. */
  private async waitForChange(ms: number, signal: AbortSignal | undefined): Promise<void> {
    const wake = new AbortController();
    const onWake = () => wake.abort();
    this.listeners.add(onWake);
    signal?.addEventListener('abort', onWake, { once: true });
    try {
      await this.clock.sleep(Math.max(0, ms), wake.signal);
    } catch {
      // woken early or aborted: the caller's loop looks again
    } finally {
      this.listeners.delete(onWake);
      signal?.removeEventListener('abort', onWake);
    }
    if (signal?.aborted) throw abortReason(signal);
  }
}
