import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CP, platformYaml } from './states.js';
import { controlPlaneId, startHarness, type Harness } from './harness.js';

// Issue 7 item 5a: renaming `cors` to `corz` must not delete the working plugin; the typo is refused before anything
// is sent, with its place in the file and a "did you mean".
const gateway = (plugin: string) => `_format_version: "3.0"
_konnect: { control_plane_name: ${CP} }
services:
  - name: orders
    host: orders.internal
    routes:
      - name: orders-route
        paths: [/orders]
        plugins:
          - name: ${plugin}
`;

interface Listed {
  data: Array<Record<string, unknown>>;
}

describe('plugin names against the emulator', () => {
  let h: Harness;
  let state: string[];
  const pluginNames = async () => {
    const cp = await controlPlaneId(h, CP);
    return ((await h.api('GET', `/control-planes/${cp}/core-entities/plugins`)) as Listed).data.map((p) => p.name);
  };
  beforeAll(async () => {
    h = await startHarness();
    await h.write('state/platform.yaml', platformYaml());
    await h.write('state/payments.yaml', gateway('cors'));
    state = ['-s', h.path('state')];
    expect((await h.run(['sync', ...state, ...h.konnect, '--yes'])).code).toBe(0);
  });
  afterAll(async () => h?.stop());

  it('refuses a typo in validate, diff and sync, and the working plugin stays', async () => {
    await h.write('state/payments.yaml', gateway('corz'));
    const where = `${h.path('state/payments.yaml')}:10:13: services[0].routes[0].plugins[0].name: unknown plugin "corz"`;
    const validate = await h.run(['validate', ...state]);
    expect(validate.code).toBe(1);
    expect(validate.out + validate.err).toContain(where);
    expect(validate.out + validate.err).toContain('did you mean "cors"?');
    for (const command of [['diff'], ['sync', '--yes']]) {
      const result = await h.run([...command, ...state, ...h.konnect]);
      expect(result.code, result.out + result.err).toBe(1);
      expect(result.err).toContain(where);
    }
    expect(await pluginNames()).toEqual(['cors']);
  });

  it('accepts at plan time a custom plugin that only Konnect holds', async () => {
    const cp = await controlPlaneId(h, CP);
    await h.api('POST', `/control-planes/${cp}/core-entities/custom-plugins`, { name: 'live-only', handler: 'return { PRIORITY = 1, VERSION = "1" }', schema: 'return { name = "live-only", fields = {} }' });
    await h.write('state/payments.yaml', gateway('live-only'));
    const diff = await h.run(['diff', ...state, ...h.konnect]);
    expect(diff.code, diff.out + diff.err).toBe(2);
    // Offline, validate cannot know it: it says how to declare it.
    const validate = await h.run(['validate', ...state]);
    expect(validate.code).toBe(1);
    expect(validate.out).toContain('a custom plugin must be declared under custom_plugins or exist in Konnect');
  });
});
