// Kill suite (issue 10 §2): SIGKILL a sync at seeded random points of its apply (after the k-th write reached
// Konnect), then re-run: it converges, diff finds nothing, Konnect holds no duplicate and no orphan. SIGINT: the clean
// report, exit 130, and a re-run converges.
import { afterEach, describe, expect, it } from 'vitest';
import { createPrng } from '../../src/emulator/prng.js';
import { startHarness, type Harness } from '../e2e/harness.js';
import { census, table, workload, writeWorkload } from './workload.js';
import { runChild, type ChildExit } from './child.js';
import { SCALE, SUITE_TIMEOUT_MS } from './scale.js';

const SEED = 20_261_206;

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

const writes = (h: Harness) => h.emulator.requestLog.filter((entry) => entry.method !== 'GET').length;

/** Runs `sync` in a child and sends `signal` once `afterWrites` writes reached the emulator. */
async function syncAndSignal(h: Harness, state: string, afterWrites: number, signal: NodeJS.Signals): Promise<ChildExit & { writesAtSignal: number }> {
  let writesAtSignal = -1;
  let poll: NodeJS.Timeout | undefined;
  const result = await runChild(['sync', '-s', state, ...h.konnect, '--yes'], {
    env: h.env,
    limitMs: 120_000,
    started: (kill) => {
      poll = setInterval(() => {
        if (writes(h) < afterWrites) return;
        writesAtSignal = writes(h);
        clearInterval(poll);
        kill(signal);
      }, 2);
    },
  });
  clearInterval(poll);
  return { ...result, writesAtSignal };
}

describe(`kill suite: ${SCALE.killTrials} SIGKILL trials (seed ${SEED}) and a SIGINT`, () => {
  it(
    'after a SIGKILL at any point of apply, a re-run converges with no duplicate and no orphan',
    async () => {
      const random = createPrng(SEED);
      const w = workload(SCALE.killOperations, 'kill');
      const rows: Array<Array<string | number>> = [];
      const problems: string[] = [];
      for (let trial = 1; trial <= SCALE.killTrials; trial++) {
        const h = (harness = await startHarness({ faults: 'latency=20-80ms', seed: trial }));
        const state = await writeWorkload(h, w);
        const killAt = 1 + Math.floor(random() * (w.operations - 1));
        const killed = await syncAndSignal(h, state, killAt, 'SIGKILL');
        const rerun = await h.run(['sync', '-s', state, ...h.konnect, '--yes']);
        const diff = await h.run(['diff', '-s', state, ...h.konnect]);
        const held = await census(h, w);
        rows.push([trial, killAt, killed.writesAtSignal, killed.signal ?? `exit ${killed.code}`, rerun.code, diff.code, held.duplicates.length, held.orphans.length, held.missing.length]);
        if (killed.signal !== 'SIGKILL') problems.push(`trial ${trial}: the sync ended before the kill (${killed.code}): ${killed.err}`);
        if (rerun.code !== 0) problems.push(`trial ${trial}: re-run exited ${rerun.code}: ${rerun.out}${rerun.err}`);
        if (diff.code !== 0) problems.push(`trial ${trial}: diff exited ${diff.code}: ${diff.out}`);
        if (held.duplicates.length + held.orphans.length + held.missing.length > 0) problems.push(`trial ${trial}: ${JSON.stringify(held)}`);
        await h.stop();
        harness = undefined;
      }
      console.log(
        `\nkill suite: ${w.operations} operations, SIGKILL after the k-th write\n` +
          table(['trial', 'k', 'writes seen', 'ended by', 're-run exit', 'diff exit', 'duplicates', 'orphans', 'missing'], rows),
      );
      expect(problems).toEqual([]);
    },
    SUITE_TIMEOUT_MS,
  );

  it(
    'SIGINT mid-apply: the interrupted report, exit 130, and a re-run converges',
    async () => {
      const w = workload(SCALE.killOperations, 'int');
      const h = (harness = await startHarness({ faults: 'latency=20-80ms', seed: 5 }));
      const state = await writeWorkload(h, w);
      const interrupted = await syncAndSignal(h, state, Math.floor(w.operations / 2), 'SIGINT');
      expect(interrupted.code, interrupted.out + interrupted.err).toBe(130);
      expect(interrupted.err).toContain('Interrupted');
      expect(interrupted.out).toContain('Result (interrupted):');
      expect(interrupted.err).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      const rerun = await h.run(['sync', '-s', state, ...h.konnect, '--yes']);
      expect(rerun.code, rerun.out + rerun.err).toBe(0);
      expect((await h.run(['diff', '-s', state, ...h.konnect])).code).toBe(0);
      expect(await census(h, w)).toEqual({ duplicates: [], orphans: [], missing: [] });
    },
    SUITE_TIMEOUT_MS,
  );
});
