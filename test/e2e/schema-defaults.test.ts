import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CP, mustSync, platformYaml } from './states.js';
import { parseJson, startHarness, type Harness } from './harness.js';

// proxy-cache is not in konsync's static defaults table: the emulator fills its schema defaults (cache_ttl 300, ...)
// and konsync must learn them from `/schemas/plugins/proxy-cache` to see no drift.
function gateway(config: string): string {
  return [
    '_format_version: "3.0"',
    `_konnect: { control_plane_name: ${CP} }`,
    'services:',
    '  - name: catalog',
    '    host: catalog.internal',
    '    plugins:',
    '      - name: proxy-cache',
    `        config: { ${config} }`,
    '',
  ].join('\n');
}

describe('plugins outside the static defaults table', () => {
  let h: Harness;
  let state: string[];
  beforeAll(async () => {
    h = await startHarness();
    await h.write('state/platform.yaml', platformYaml());
    await h.write('state/payments.yaml', gateway('strategy: memory'));
    state = ['-s', h.path('state')];
    await mustSync(h, state);
  });
  afterAll(async () => h?.stop());

  it('no false drift after a sync that states only strategy: memory', async () => {
    const result = await h.run(['diff', ...state, ...h.konnect, '--output', 'json']);
    expect(result.code, result.out + result.err).toBe(0);
    expect((parseJson(result.out) as { summary: { total: number } }).summary.total).toBe(0);
  });

  it('dump --skip-defaults leaves the schema-filled values out', async () => {
    const result = await h.run(['dump', ...h.konnect, '--control-plane', CP, '--skip-defaults', '--output', 'json']);
    expect(result.code, result.out + result.err).toBe(0);
    const text = JSON.stringify(parseJson(result.out));
    expect(text).toContain('"name":"proxy-cache","config":{"strategy":"memory"}');
    const full = await h.run(['dump', ...h.konnect, '--control-plane', CP, '--output', 'json']);
    expect(JSON.stringify(parseJson(full.out))).toContain('"cache_ttl":300');
  });

  it('stating a non-default value is drift, on the field that changed only', async () => {
    await h.write('state/payments.yaml', gateway('strategy: memory, cache_ttl: 60'));
    const result = await h.run(['diff', ...state, ...h.konnect, '--output', 'json']);
    expect(result.code, result.out + result.err).toBe(2);
    const plan = parseJson(result.out) as { operations: Array<{ kind: string; patch: unknown[] }> };
    expect(plan.operations.filter((op) => op.kind === 'plugin').map((op) => op.patch)).toEqual([[{ op: 'replace', path: '/config/cache_ttl', value: 60 }]]);
  });
});
