import { describe, expect, it } from 'vitest';
import { StepQueue } from '../src/step-queue.js';

function* steps(log: string[], name: string, count: number): Generator<void> {
  for (let i = 0; i < count; i++) {
    log.push(`${name}${i}`);
    yield;
  }
}

describe('StepQueue', () => {
  it('runs pushed work in order, one step per turn, so other callbacks run in between', async () => {
    const log: string[] = [];
    const queue = new StepQueue();
    queue.push(steps(log, 'a', 3));
    queue.push(steps(log, 'b', 2));
    setImmediate(() => log.push('io'));
    await queue.drained();
    expect(log.filter((entry) => entry !== 'io')).toEqual(['a0', 'a1', 'a2', 'b0', 'b1']);
    // The other callback ran before the work was done, not after it.
    expect(log.indexOf('io')).toBeLessThan(log.length - 1);
  });

  it('reports the first error and drops the work after it', async () => {
    const log: string[] = [];
    const queue = new StepQueue();
    queue.push(
      (function* () {
        yield;
        throw new Error('broken');
      })(),
    );
    queue.push(steps(log, 'b', 2));
    await expect(queue.drained()).rejects.toThrow('broken');
    expect(log).toEqual([]);
  });
});
