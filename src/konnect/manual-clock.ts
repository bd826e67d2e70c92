import { abortReason, type Clock } from './clock.js';

interface Sleeper {
  at: number;
  seq: number;
  resolve: () => void;
}

/**
 * A clock that moves only when told: for tests of rates, backoff and timeouts without wall-clock time.
 * `runUntil(promise)` advances to the next sleeper whenever nothing else can make progress.
 */
export class ManualClock implements Clock {
  private time: number;
  private seq = 0;
  private sleepers: Sleeper[] = [];

  constructor(start = 1_700_000_000_000) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  /** Number of pending sleeps. */
  get pending(): number {
    return this.sleepers.length;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortReason(signal));
        return;
      }
      const sleeper: Sleeper = { at: this.time + Math.max(0, ms), seq: this.seq++, resolve };
      const onAbort = () => {
        this.sleepers = this.sleepers.filter((s) => s !== sleeper);
        reject(abortReason(signal!));
      };
      sleeper.resolve = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      this.sleepers.push(sleeper);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Moves time to `at` (never backwards), waking every sleeper due by then, in order. */
  async advanceTo(at: number): Promise<void> {
    for (let guard = 0; guard < 1_000_000; guard++) {
      await settle();
      const next = this.nextSleeper();
      if (!next || next.at > at) break;
      this.time = Math.max(this.time, next.at);
      this.sleepers = this.sleepers.filter((s) => s !== next);
      next.resolve();
    }
    this.time = Math.max(this.time, at);
    await settle();
  }

  advance(ms: number): Promise<void> {
    return this.advanceTo(this.time + ms);
  }

  /** Settles `promise`, jumping to the next sleeper each time everything else is idle. */
  async runUntil<T>(promise: Promise<T>, maxSteps = 100_000): Promise<T> {
    let done = false;
    const tracked = promise.finally(() => {
      done = true;
    });
    tracked.catch(() => undefined);
    for (let step = 0; step < maxSteps && !done; step++) {
      await settle();
      if (done) break;
      const next = this.nextSleeper();
      if (!next) {
        await settle(5);
        if (!done && !this.nextSleeper()) throw new Error('ManualClock.runUntil: nothing pending and the promise did not settle');
        continue;
      }
      await this.advanceTo(next.at);
    }
    if (!done) throw new Error(`ManualClock.runUntil: not settled after ${maxSteps} steps`);
    return tracked;
  }

  private nextSleeper(): Sleeper | undefined {
    let best: Sleeper | undefined;
    for (const s of this.sleepers) if (!best || s.at < best.at || (s.at === best.at && s.seq < best.seq)) best = s;
    return best;
  }
}

/** Lets queued promise callbacks (and one turn of the event loop) run. */
async function settle(turns = 2): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
