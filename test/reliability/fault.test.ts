// Fault suite (issue 10 §1): a sync from an empty org under injected 429s (half without Retry-After), 500s,
// connection resets and post-commit timeouts, 20-80 ms latency, for several seeds. Each run converges (at most one
// re-run), diff finds nothing after, Konnect holds no duplicate and no orphan, nothing was deleted, and the run takes
// at most 3× the same sync without faults.
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../e2e/harness.js';
import { census, table, workload, writeWorkload } from './workload.js';
import { LONG, SCALE, SUITE_TIMEOUT_MS } from './scale.js';

const LATENCY = 'latency=20-80ms';
const FAULTS = `429=0.05,500=0.02,reset=0.01,timeout=0.005,${LATENCY}`;

interface Outcome {
  seconds: number;
  runs: number;
  firstExit: number;
  diffExit: number;
  requests: number;
  faults: Record<string, number>;
  deletes: number;
}

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

async function syncFromEmpty(faults: string, seed: number): Promise<Outcome & { census: Awaited<ReturnType<typeof census>> }> {
  const w = workload(SCALE.faultOperations);
  const h = (harness = await startHarness({ faults, seed }));
  const state = await writeWorkload(h, w);
  const started = performance.now();
  const first = await h.run(['sync', '-s', state, ...h.konnect, '--yes']);
  let runs = 1;
  let last = first;
  if (first.code !== 0) {
    runs++;
    last = await h.run(['sync', '-s', state, ...h.konnect, '--yes']);
  }
  const seconds = (performance.now() - started) / 1000;
  expect(last.code, `sync did not converge in two runs:\n${first.out}${first.err}\n---\n${last.out}${last.err}`).toBe(0);
  const diff = await h.run(['diff', '-s', state, ...h.konnect]);
  const faultsSeen: Record<string, number> = {};
  for (const entry of h.emulator.requestLog) if (entry.fault) faultsSeen[entry.fault] = (faultsSeen[entry.fault] ?? 0) + 1;
  const deletes = h.emulator.requestLog.filter((entry) => entry.method === 'DELETE').length;
  const held = await census(h, w);
  await h.stop();
  harness = undefined;
  return { seconds, runs, firstExit: first.code, diffExit: diff.code, requests: h.emulator.requestLog.length, faults: faultsSeen, deletes, census: held };
}

describe(`fault suite: ~${SCALE.faultOperations} operations, seeds ${SCALE.faultSeeds.join(', ')}`, () => {
  it(
    'converges under faults in at most 3× the fault-free time, with no duplicate, orphan or delete',
    async () => {
      const w = workload(SCALE.faultOperations);
      const baseline = await syncFromEmpty(LATENCY, 1);
      expect(baseline.runs).toBe(1);
      const rows: Array<Array<string | number>> = [['none', baseline.runs, baseline.seconds.toFixed(1), '1.00', baseline.requests, '-', baseline.diffExit, 0, baseline.deletes]];
      const problems: string[] = [];
      for (const seed of SCALE.faultSeeds) {
        const run = await syncFromEmpty(FAULTS, seed);
        const ratio = run.seconds / baseline.seconds;
        const faults = Object.entries(run.faults).map(([kind, count]) => `${kind}:${count}`).join(' ');
        rows.push([seed, run.runs, run.seconds.toFixed(1), ratio.toFixed(2), run.requests, faults, run.diffExit, run.census.duplicates.length, run.deletes]);
        if (run.diffExit !== 0) problems.push(`seed ${seed}: diff exited ${run.diffExit}`);
        if (run.census.duplicates.length + run.census.missing.length + run.census.orphans.length > 0) problems.push(`seed ${seed}: ${JSON.stringify(run.census)}`);
        if (run.deletes > 0) problems.push(`seed ${seed}: ${run.deletes} DELETE requests`);
        // Asserted on the ~500-operation plan only: a lost answer costs at least the 5 s timeout floor, which a 100-operation
        // run (a few seconds without faults) cannot absorb 3×; the short version prints the ratio.
        if (LONG && ratio > 3) problems.push(`seed ${seed}: ${run.seconds.toFixed(1)} s is ${ratio.toFixed(2)}× the fault-free ${baseline.seconds.toFixed(1)} s`);
      }
      console.log(
        `\nfault suite: ${w.operations} operations, faults ${FAULTS}\n` +
          table(['seed', 'runs', 'seconds', 'ratio', 'requests', 'faults injected', 'diff exit', 'duplicates', 'deletes'], rows),
      );
      expect(problems).toEqual([]);
    },
    SUITE_TIMEOUT_MS,
  );
});
