import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePaymentsState } from './states.js';
import { SECRET, startHarness, type Harness } from './harness.js';
import { captureIO } from '../../src/cli/output.js';
import { runInProcess } from '../../src/cli/in-process.js';

const ANSI = /\u001b\[/;

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

  describe('colour', () => {
    const show = async (extra: string[], env: Record<string, string | undefined>, isTTY: boolean) => {
      const io = captureIO({ env: { PATH: process.env.PATH, ...env }, isTTY });
      expect(await runInProcess(['show', h.path('plan.json'), ...extra], io)).toBe(2);
      return io.out;
    };
    it('on a terminal by default, off when piped', async () => {
      expect(await show([], {}, true)).toMatch(ANSI);
      expect(await show([], {}, false)).not.toMatch(ANSI);
    });
    it('--no-color, NO_COLOR and TERM=dumb turn it off on a terminal', async () => {
      expect(await show(['--no-color'], {}, true)).not.toMatch(ANSI);
      expect(await show([], { NO_COLOR: '1' }, true)).not.toMatch(ANSI);
      expect(await show([], { TERM: 'dumb' }, true)).not.toMatch(ANSI);
    });
    it('FORCE_COLOR turns it on when piped; FORCE_COLOR=0 turns it off; --no-color still wins', async () => {
      expect(await show([], { FORCE_COLOR: '1' }, false)).toMatch(ANSI);
      expect(await show([], { FORCE_COLOR: '0' }, true)).not.toMatch(ANSI);
      expect(await show(['--no-color'], { FORCE_COLOR: '1' }, false)).not.toMatch(ANSI);
    });
    it('--no-color before the command works too', async () => {
      const io = captureIO({ env: { PATH: process.env.PATH }, isTTY: true });
      expect(await runInProcess(['--no-color', 'show', h.path('plan.json')], io)).toBe(2);
      expect(io.out).not.toMatch(ANSI);
    });
  });
});
