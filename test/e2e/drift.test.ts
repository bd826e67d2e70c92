import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CP, mustSync, writePaymentsState } from './states.js';
import { controlPlaneId, parseJson, SECRET, startHarness, type Harness } from './harness.js';

describe('drift detection and exit codes', () => {
  let h: Harness;
  let state: string[];
  beforeAll(async () => {
    h = await startHarness();
    state = await writePaymentsState(h);
    await mustSync(h, state);
  });
  afterAll(async () => h?.stop());

  it('exit 0 when live matches the files', async () => {
    const result = await h.run(['diff', ...state, ...h.konnect]);
    expect(result.code, result.out + result.err).toBe(0);
  });

  it('exit 2 on an out-of-band change, with JSON still printed and parseable', async () => {
    const id = await controlPlaneId(h, CP);
    await h.api('PATCH', `/control-planes/${id}`, { labels: { team: 'payments', 'konsync-owner': 'default', 'changed-by': 'hand' } });
    const text = await h.run(['diff', ...state, ...h.konnect]);
    expect(text.code, text.out + text.err).toBe(2);
    expect(text.out).toContain(CP);
    const json = await h.run(['diff', ...state, ...h.konnect, '--output', 'json']);
    expect(json.code, json.out + json.err).toBe(2);
    const plan = parseJson(json.out) as { summary: { total: number; update: number } };
    expect(plan.summary.total).toBeGreaterThan(0);
    expect(plan.summary.update).toBeGreaterThan(0);
  });

  it('markdown and github formats describe the drift', async () => {
    const markdown = await h.run(['diff', ...state, ...h.konnect, '--output', 'markdown']);
    expect(markdown.code, markdown.out + markdown.err).toBe(2);
    expect(markdown.out).toContain(CP);
    const github = await h.run(['diff', ...state, ...h.konnect, '--output', 'github']);
    expect(github.code, github.out + github.err).toBe(2);
    expect(github.out).toMatch(/::(notice|warning|error)/);
  });

  it('exit 1 on an error; JSON mode prints {error} on stdout', async () => {
    await h.write('broken/payments.yaml', '_format_version: "3.0"\n_konnect: { control_plane_name: e2e-payments }\nservices:\n  - name: orders\n    hostt: x\n');
    const text = await h.run(['diff', '-s', h.path('broken'), ...h.konnect]);
    expect(text.code, text.out + text.err).toBe(1);
    expect(text.err).toContain('payments.yaml');
    const json = await h.run(['diff', '-s', h.path('broken'), ...h.konnect, '--output', 'json']);
    expect(json.code, json.out + json.err).toBe(1);
    const body = parseJson(json.out) as { error: { type: string; problems: Array<{ file: string; line: number }> } };
    expect(body.error.type).toBe('ValidationError');
    expect(body.error.problems[0]?.line).toBe(5);
  });

  it('github format annotates validation errors with file and line', async () => {
    const result = await h.run(['diff', '-s', h.path('broken'), ...h.konnect, '--output', 'github']);
    expect(result.code, result.out + result.err).toBe(1);
    expect(result.out).toMatch(/^::error file=[^,]*payments\.yaml,line=5,col=\d+/m);
  });

  it('exit 1 without a token, and the message says how to give one', async () => {
    const result = await h.run(['diff', ...state, '--konnect-addr', h.emulator.url]);
    expect(result.code, result.out + result.err).toBe(1);
    expect(result.err).toMatch(/KONNECT_TOKEN/);
  });

  it('exit 1 when no state is given', async () => {
    const result = await h.run(['diff', ...h.konnect]);
    expect(result.code, result.out + result.err).toBe(1);
    expect(result.err).toMatch(/--state/);
  });

  it('masks DECK_ values in every format', async () => {
    for (const format of ['text', 'json', 'markdown', 'github']) {
      const result = await h.run(['diff', ...state, ...h.konnect, '--output', format]);
      expect(result.out + result.err).not.toContain(SECRET);
    }
  });
});
