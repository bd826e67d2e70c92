// The phases a command marks on the performance timeline (src/cli/phases.ts), which the e2e bench reads to split a
// command's wall time into loading, the live read, planning and rendering.
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { CP, gatewayYaml, platformYaml } from './states.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.stop());

/** Each `konsync:<phase>:<edge>` mark's time, and how many marks of that name the timeline holds. */
function marks(): Map<string, { at: number; count: number }> {
  const out = new Map<string, { at: number; count: number }>();
  for (const entry of performance.getEntriesByType('mark')) {
    if (!entry.name.startsWith('konsync:')) continue;
    out.set(entry.name.slice('konsync:'.length), { at: entry.startTime, count: (out.get(entry.name.slice('konsync:'.length))?.count ?? 0) + 1 });
  }
  return out;
}

/** The state's directory: a control plane and a decK file with two services. */
async function state(): Promise<string> {
  await h.write('state/platform.yaml', platformYaml());
  await h.write('state/gateway.yaml', gatewayYaml());
  return h.path('state');
}

describe('phase marks', () => {
  it('diff marks load, read, plan and render, in that order, each once however often it runs', async () => {
    const dir = await state();
    for (let run = 0; run < 3; run++) expect((await h.run(['diff', '-s', dir, ...h.konnect])).code).toBe(2);
    const seen = marks();
    const order = ['load:start', 'load:end', 'read:start', 'read:end', 'plan:start', 'plan:end', 'render:start', 'render:end'];
    for (const name of order) expect(seen.get(name)?.count, name).toBe(1);
    const times = order.map((name) => seen.get(name)!.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('dump marks its read and its writing', async () => {
    const dir = await state();
    expect((await h.run(['sync', '-s', dir, '--yes', ...h.konnect])).code).toBe(0);
    performance.clearMarks();
    expect((await h.run(['dump', '--control-plane', CP, '--out', h.path('dump'), ...h.konnect])).code).toBe(0);
    const seen = marks();
    expect([...seen.keys()].sort()).toEqual(['read:end', 'read:start', 'write:end', 'write:start']);
    expect(seen.get('read:end')!.at).toBeLessThanOrEqual(seen.get('write:start')!.at);
  });
});
