// Race suite (issue 10 §3): two syncs of the same state at once; two syncs of disjoint select_tags in one control
// plane at once; a sync while someone edits Konnect by hand. Outcome: converged (at most one re-run), no duplicates,
// every failure named.
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../e2e/harness.js';
import { census, gatewayFile, inspect, platformFile, workload, writeWorkload } from './workload.js';
import { runChild, type ChildExit } from './child.js';
import { SCALE, SUITE_TIMEOUT_MS } from './scale.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

const sync = (h: Harness, state: string) => runChild(['sync', '-s', state, ...h.konnect, '--yes'], { env: h.env, limitMs: 120_000 });

/** Exit 0, or exit 1 with every failure named and a re-run that exits 0. Returns the re-run's exit, if any. */
async function convergesWithOneRerun(h: Harness, state: string, run: ChildExit): Promise<void> {
  const text = run.out + run.err;
  expect(text, 'no stack trace').not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  if (run.code === 0) return;
  expect(run.code, text).toBe(1);
  // Every failure is named: each failed line says which entity (kind and key).
  for (const line of text.split('\n').filter((l) => /✗|failed:/.test(l) && !/\d+ failed/.test(l))) expect(line).toMatch(/(service|route|plugin|consumer|control plane)/);
  const again = await h.run(['sync', '-s', state, ...h.konnect, '--yes']);
  expect(again.code, again.out + again.err).toBe(0);
}

describe('race suite', () => {
  it(
    'two syncs of the same state at once: both converge, no duplicate',
    async () => {
      const w = workload(SCALE.raceOperations, 'race');
      const h = (harness = await startHarness({ faults: 'latency=20-80ms', seed: 3 }));
      const state = await writeWorkload(h, w);
      const [a, b] = await Promise.all([sync(h, state), sync(h, state)]);
      await convergesWithOneRerun(h, state, a);
      await convergesWithOneRerun(h, state, b);
      expect((await h.run(['diff', '-s', state, ...h.konnect])).code).toBe(0);
      expect(await census(h, w)).toEqual({ duplicates: [], orphans: [], missing: [] });
    },
    SUITE_TIMEOUT_MS,
  );

  it(
    'two syncs of disjoint select_tags in one control plane at once: each converges, neither touches the other',
    async () => {
      const w = { ...workload(SCALE.raceOperations, 'tags'), planes: ['tags-shared'] };
      const h = (harness = await startHarness({ faults: 'latency=20-80ms', seed: 4 }));
      await h.write('platform/platform.yaml', platformFile(w));
      expect((await h.run(['sync', '-s', h.path('platform'), ...h.konnect, '--yes'])).code).toBe(0);
      await h.write('team-a/gw.yaml', gatewayFile(w, 'tags-shared', { selectTag: 'team-a', servicePrefix: 'a' }));
      await h.write('team-b/gw.yaml', gatewayFile(w, 'tags-shared', { selectTag: 'team-b', servicePrefix: 'b' }));
      const [a, b] = await Promise.all([sync(h, h.path('team-a')), sync(h, h.path('team-b'))]);
      await convergesWithOneRerun(h, h.path('team-a'), a);
      await convergesWithOneRerun(h, h.path('team-b'), b);
      for (const team of ['team-a', 'team-b']) expect((await h.run(['diff', '-s', h.path(team), ...h.konnect])).code).toBe(0);
      const planes = (await inspect(h, '/control-planes?page[size]=100')) as { data: Array<{ id: string; name: string }> };
      const id = planes.data.find((cp) => cp.name === 'tags-shared')!.id;
      const services = ((await inspect(h, `/control-planes/${id}/core-entities/services?size=1000`)) as { data: Array<{ name: string }> }).data.map((s) => s.name);
      const wanted = ['a', 'b'].flatMap((prefix) => Array.from({ length: w.servicesPerPlane }, (_, i) => `${prefix}-${i}`));
      expect([...services].sort()).toEqual([...wanted].sort());
    },
    SUITE_TIMEOUT_MS,
  );

  it(
    'a sync while someone edits Konnect by hand: named failures at most, one re-run converges',
    async () => {
      const w = workload(SCALE.raceOperations, 'hand');
      const plane = w.planes[0]!;
      const last = `svc-${w.servicesPerPlane - 1}`;
      const h = (harness = await startHarness({ faults: 'latency=20-80ms', seed: 6 }));
      const state = await writeWorkload(h, w);
      const running = sync(h, state);
      // As soon as the control plane exists: a service the state declares (other values) and one it does not.
      let id: string | undefined;
      for (let i = 0; i < 2000 && id === undefined; i++) {
        const planes = (await inspect(h, '/control-planes?page[size]=100')) as { data: Array<{ id: string; name: string }> };
        id = planes.data.find((cp) => cp.name === plane)?.id;
        if (id === undefined) await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(id, 'the sync never created its control plane').toBeDefined();
      const byHand = { name: last, host: 'by-hand.internal', port: 9999 };
      // The race goes either way: when the sync has created it already, the hand edit changes it instead.
      await h.api('POST', `/control-planes/${id}/core-entities/services`, byHand).catch(() => h.api('PUT', `/control-planes/${id}/core-entities/services/${last}`, byHand));
      await h.api('POST', `/control-planes/${id}/core-entities/services`, { name: 'by-hand', host: 'by-hand.internal' });
      const first = await running;
      await convergesWithOneRerun(h, state, first);
      // The hand-made service is not in the files: the next sync (not one running alongside) removes it, as declared.
      if ((await h.run(['diff', '-s', state, ...h.konnect])).code === 2) expect((await h.run(['sync', '-s', state, ...h.konnect, '--yes'])).code).toBe(0);
      expect((await h.run(['diff', '-s', state, ...h.konnect])).code).toBe(0);
      expect(await census(h, w)).toEqual({ duplicates: [], orphans: [], missing: [] });
    },
    SUITE_TIMEOUT_MS,
  );
});
