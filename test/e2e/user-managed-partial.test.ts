import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlPlaneId, startHarness, type Harness } from './harness.js';

// Issue 7 item 4: only the partial Konnect creates for a control-plane-owned cache (`konnect-managed-<add-on uuid>`)
// is Konnect-made. The `konnect-managed` partial the group managed-cache guide has users create, tagged as the guide's
// lookup tags suggest, is the user's: updated, dumped and deleted like any other.
const platform = `control_planes:
  - name: ump-cp
    cloud_gateway: true
cloud_gateways:
  networks:
    - name: ump-net
      provider: aws
      region: us-east-2
      availability_zones: [use2-az1, use2-az2, use2-az3]
      cidr_block: 10.42.0.0/22
  configurations:
    - control_plane: ump-cp
      version: "3.11"
      dataplane_groups:
        - { provider: aws, region: us-east-2, network: ump-net, autoscale: { kind: autopilot, base_rps: 100 } }
  add_ons:
    - name: ump-cache
      owner: { control_plane: ump-cp }
      config: { kind: managed-cache.v0, capacity_config: { kind: tiered, tier: micro } }
`;

const gateway = (partial: string) => `_format_version: "3.0"
_konnect: { control_plane_name: ump-cp }
partials:
${partial}services:
  - name: ump-api
    host: ump.internal
`;

const userPartial = (timeout: number) => `  - name: konnect-managed
    type: redis-ee
    tags: [konnect-managed]
    config:
      host: "{vault://env/ADDON_MANAGED_CACHE_HOST}"
      port: "{vault://env/ADDON_MANAGED_CACHE_PORT}"
      connect_timeout: ${timeout}
`;

interface Listed {
  data: Array<Record<string, unknown>>;
}

describe('a user partial named and tagged konnect-managed', () => {
  let h: Harness;
  let state: string[];
  const partials = async () => {
    const cp = await controlPlaneId(h, 'ump-cp');
    return ((await h.api('GET', `/control-planes/${cp}/core-entities/partials`)) as Listed).data;
  };
  beforeAll(async () => {
    h = await startHarness();
    await h.write('state/platform.yaml', platform);
    await h.write('state/ump.yaml', gateway(userPartial(2000)));
    state = ['-s', h.path('state'), ...h.konnect];
    const first = await h.run(['sync', ...state, '--yes']);
    expect(first.code, first.out + first.err).toBe(0);
  });
  afterAll(async () => h?.stop());

  it('is updated', async () => {
    await h.write('state/ump.yaml', gateway(userPartial(3000)));
    const synced = await h.run(['sync', ...state, '--yes']);
    expect(synced.code, synced.out + synced.err).toBe(0);
    expect(synced.out).toContain('update partial ump-cp/konnect-managed');
    const mine = (await partials()).find((p) => p.name === 'konnect-managed');
    expect((mine?.config as Record<string, unknown>).connect_timeout).toBe(3000);
    expect((await h.run(['diff', ...state])).code).toBe(0);
  });

  it('is dumped (the Konnect-made one is not), and the dump diffs clean', async () => {
    expect((await h.run(['dump', ...h.konnect, '--out', h.path('dumped')])).code).toBe(0);
    const file = await readFile(h.path('dumped/ump-cp.yaml'), 'utf8');
    expect(file).toContain('name: konnect-managed\n');
    expect(file).not.toContain('konnect-managed-');
    const result = await h.run(['diff', '-s', h.path('dumped'), ...h.konnect]);
    expect(result.code, result.out + result.err).toBe(0);
  });

  it('is deleted when removed from the files; the Konnect-made partial stays', async () => {
    await h.write('state/ump.yaml', gateway('  []\n'));
    const synced = await h.run(['sync', ...state, '--yes']);
    expect(synced.code, synced.out + synced.err).toBe(0);
    const names = (await partials()).map((p) => String(p.name));
    expect(names).not.toContain('konnect-managed');
    expect(names.some((name) => /^konnect-managed-[0-9a-f-]{36}$/.test(name))).toBe(true);
    expect((await h.run(['diff', ...state])).code).toBe(0);
  });
});
