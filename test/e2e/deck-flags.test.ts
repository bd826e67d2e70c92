import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CP, platformYaml } from './states.js';
import { controlPlaneId, parseJson, startHarness, type Harness } from './harness.js';
import { expectRoundTrip } from './deck-round-trip.js';

const HEADER = ['_format_version: "3.0"', `_konnect: { control_plane_name: ${CP} }`];
type Listed = { data: Array<Record<string, unknown>> };

describe('decK flags on sync, diff, plan, dump and validate', () => {
  let h: Harness;
  let base: string;
  beforeAll(async () => {
    h = await startHarness();
    await h.write('flags/platform.yaml', platformYaml());
    await h.write(
      'flags/gateway.yaml',
      [
        ...HEADER,
        'services: [{ name: orders, host: orders.internal }]',
        'custom_plugins:',
        '  - name: hello',
        '    handler: "return { PRIORITY = 1, VERSION = \\"1.0\\" }"',
        '    schema: \'return { name = "hello", fields = { { config = { type = "record", fields = {} } } } }\'',
        'consumers: [{ username: alice, plugins: [{ name: rate-limiting, config: { minute: 5 } }] }]',
        '',
      ].join('\n'),
    );
  });
  afterAll(async () => h?.stop());
  const list = async (path: string) => ((await h.api('GET', `${base}${path}`)) as Listed).data;

  it('--include-plugin-definitions on sync and diff (not only validate): custom plugins without _info.include_plugin_definitions', async () => {
    const without = await h.run(['diff', '-s', h.path('flags'), ...h.konnect]);
    expect(without.code).toBe(1);
    expect(without.err + without.out).toContain('include_plugin_definitions');
    await expectRoundTrip(h, h.path('flags'), 'flags-dump', ['--include-plugin-definitions']);
    base = `/control-planes/${await controlPlaneId(h, CP)}/core-entities`;
    expect((await list('/custom-plugins')).map((p) => p.name)).toEqual(['hello']);
  });

  it('--konnect-token, --parallelism and --json-output: decK spellings of --konnect-token-file, --concurrency and --output json', async () => {
    const token = h.emulator.token;
    const result = await h.run(['diff', '-s', h.path('flags'), '--include-plugin-definitions', '--konnect-addr', h.emulator.url, '--konnect-token', token, '--parallelism', '2', '--json-output']);
    expect(result.code, result.out + result.err).toBe(0);
    expect((parseJson(result.out) as { summary: { total: number } }).summary.total).toBe(0);
    expect(result.out + result.err).not.toContain(token);
    const bad = await h.run(['diff', '-s', h.path('flags'), ...h.konnect, '--parallelism', '0']);
    expect(bad.code).toBe(1);
  });

  it('--non-zero-exit-code on diff: 2 on drift, 0 without', async () => {
    expect((await h.run(['diff', '-s', h.path('flags'), ...h.konnect, '--include-plugin-definitions', '--non-zero-exit-code'])).code).toBe(0);
    await h.api('POST', `${base}/services`, { name: 'stray', host: 'stray.internal' });
    expect((await h.run(['diff', '-s', h.path('flags'), ...h.konnect, '--include-plugin-definitions', '--non-zero-exit-code'])).code).toBe(2);
    await h.api('DELETE', `${base}/services/stray`);
  });

  it('--skip-consumers: consumers and what belongs to them are neither synced, deleted nor dumped', async () => {
    await h.write('skip/platform.yaml', platformYaml());
    await h.write('skip/gateway.yaml', [...HEADER, 'services: [{ name: orders, host: orders.internal }]', 'consumers: [{ username: carol }]', ''].join('\n'));
    await expectRoundTrip(h, h.path('skip'), 'skip-dump', ['--skip-consumers', '--skip-ca-certificates']);
    // alice, her plugin and the custom plugin stay (custom plugins are claimed only with plugin definitions); carol is not created.
    expect((await list('/consumers')).map((c) => c.username)).toEqual(['alice']);
    expect((await list('/plugins')).map((p) => p.name)).toEqual(['rate-limiting']);
    const dump = await h.run(['dump', ...h.konnect, '--skip-consumers', '--output', 'json']);
    expect(dump.code).toBe(0);
    expect(dump.out).not.toContain('alice');
    expect(dump.out).not.toContain('rate-limiting');
  });

  it('refuses decK flags that mean nothing on Konnect, saying what to use instead', async () => {
    const workspace = await h.run(['sync', '-s', h.path('skip'), ...h.konnect, '--workspace', 'ws']);
    expect(workspace.code).toBe(1);
    expect(workspace.err).toContain('--workspace is refused: Konnect has no workspaces');
    expect(workspace.err).toContain('--konnect-control-plane-name');
    const kongAddr = await h.run(['diff', '-s', h.path('skip'), '--kong-addr', 'http://localhost:8001']);
    expect(kongAddr.code).toBe(1);
    expect(kongAddr.err).toContain('use --konnect-addr');
    // --skip-hash-for-basic-auth has a meaning on Konnect: test/e2e/basic-auth-hash.test.ts.
    const dbDelay = await h.run(['sync', '-s', h.path('skip'), ...h.konnect, '--db-update-propagation-delay', '5']);
    expect(dbDelay.code).toBe(1);
    expect(dbDelay.err).toContain('waits for what Konnect reports instead');
  });
});
