import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePaymentsState } from './states.js';
import { SECRET, startHarness, type Harness } from './harness.js';

describe('konsync show plan.json', () => {
  let h: Harness;
  let state: string[];
  beforeAll(async () => {
    h = await startHarness();
    state = await writePaymentsState(h);
    const saved = await h.run(['plan', ...state, ...h.konnect, '--out', h.path('plan.json')]);
    expect(saved.code, saved.out + saved.err).toBe(2);
  });
  afterAll(async () => h?.stop());

  it.each(['text', 'markdown', 'github', 'json'])('--output %s prints exactly what diff prints for the same plan', async (format) => {
    const diff = await h.run(['diff', ...state, ...h.konnect, '--output', format]);
    const show = await h.run(['show', h.path('plan.json'), '--output', format]);
    expect(diff.code).toBe(2);
    expect(show.code, show.err).toBe(2);
    expect(show.out).toBe(diff.out);
    expect(show.out).not.toContain(SECRET);
  });

  it('needs no token and no Konnect: it reads only the file', async () => {
    const before = h.emulator.requestLog.length;
    const show = await h.run(['show', h.path('plan.json')], { KONNECT_TOKEN: undefined, KONNECT_ADDR: 'http://127.0.0.1:9' });
    expect(show.code, show.err).toBe(2);
    expect(h.emulator.requestLog.length).toBe(before);
  });

  it('a file that is not a plan exits 1 with the file named', async () => {
    const bad = await h.write('not-a-plan.json', '{"format":"something-else"}');
    const show = await h.run(['show', bad]);
    expect(show.code).toBe(1);
    expect(show.err).toContain('not-a-plan.json');
  });
});
