import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Runs pieces of work (generators, one step per `next()`) one after another, one step per turn of the event loop, so
 * that I/O waiting on the same thread (a read's next request) is not held back by them. `drained()` resolves once all
 * pushed work has run, or rejects with the first error (the rest is dropped).
 */
export class StepQueue {
  private tail: Promise<void> = Promise.resolve();

  push(work: Iterator<void>): void {
    this.tail = this.tail.then(async () => {
      while (!work.next().done) await nextTurn();
    });
    // Reported by drained(); never an unhandled rejection meanwhile.
    this.tail.catch(() => undefined);
  }

  drained(): Promise<void> {
    return this.tail;
  }
}
