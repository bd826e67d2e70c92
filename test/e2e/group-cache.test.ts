import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlPlaneId, startHarness, type Harness } from './harness.js';

// The seed scenario with nothing written by hand: konsync derives the `konnect-managed` partial on each member of the
// group that owns the managed cache, and removes it from a control plane that leaves the group.
const platform = (members: string, cache = true) => `control_planes:
  - name: g-shared
    cluster_type: CLUSTER_TYPE_CONTROL_PLANE_GROUP
    cloud_gateway: true
    members: ${members}
  - name: g-team-a
    cloud_gateway: true
  - name: g-team-b
    cloud_gateway: true
cloud_gateways:
  networks:
    - name: g-net
      provider: aws
      region: us-east-2
      availability_zones: [use2-az1, use2-az2, use2-az3]
      cidr_block: 10.42.0.0/22
  configurations:
    - control_plane: g-shared
      version: "3.11"
      dataplane_groups:
        - { provider: aws, region: us-east-2, network: g-net, autoscale: { kind: autopilot, base_rps: 100 } }
  add_ons:${cache ? `
    - name: g-shared-cache
      owner: { control_plane_group: g-shared }
      config: { kind: managed-cache.v0, capacity_config: { kind: tiered, tier: small } }` : ' []'}
`;

const member = (name: string, redis: boolean) => `_format_version: "3.0"
_konnect: { control_plane_name: ${name} }
services:
  - name: ${name}-api
    host: ${name}.internal
    plugins:
      - name: rate-limiting-advanced
${redis ? '        partials: [{ name: konnect-managed }]\n' : ''}        config:
          limit: [100]
          window_size: [60]
          sync_rate: ${redis ? 0 : -1}
          strategy: ${redis ? 'redis' : 'local'}
          namespace: ${name}
`;

interface Listed {
  data: Array<Record<string, unknown>>;
}

async function partialsOf(h: Harness, cp: string): Promise<Array<Record<string, unknown>>> {
  return ((await h.api('GET', `/control-planes/${await controlPlaneId(h, cp)}/core-entities/partials`)) as Listed).data;
}

describe('group-owned managed cache: derived partials (seed scenario, end to end)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.write('state/platform.yaml', platform('[g-team-a, g-team-b]'));
    await h.write('state/team-a.yaml', member('g-team-a', true));
    await h.write('state/team-b.yaml', member('g-team-b', true));
  });
  afterAll(async () => h?.stop());

  it('creates the documented partial on each member after the cache is ready, and plugins use it', async () => {
    const result = await h.run(['sync', '-s', h.path('state'), ...h.konnect, '--yes']);
    expect(result.code, result.out + result.err).toBe(0);
    for (const cp of ['g-team-a', 'g-team-b']) {
      const partial = (await partialsOf(h, cp)).find((p) => p.name === 'konnect-managed');
      expect(partial).toMatchObject({ type: 'redis-ee', tags: ['konsync-derived'] });
      expect(partial?.config).toMatchObject({ host: '{vault://env/ADDON_MANAGED_CACHE_HOST}', port: '{vault://env/ADDON_MANAGED_CACHE_PORT}', ssl: true });
      const plugins = (await h.api('GET', `/control-planes/${await controlPlaneId(h, cp)}/core-entities/plugins`)) as Listed;
      expect(JSON.stringify(plugins.data[0]?.partials)).toContain(String(partial?.id));
    }
  });

  it('is in sync the second time', async () => {
    const diff = await h.run(['diff', '-s', h.path('state'), ...h.konnect]);
    expect(diff.code, diff.out + diff.err).toBe(0);
  });

  it('puts a partial changed out of band back', async () => {
    const cp = await controlPlaneId(h, 'g-team-a');
    const partial = (await partialsOf(h, 'g-team-a')).find((p) => p.name === 'konnect-managed')!;
    const { name, type, tags } = partial;
    const config = { ...(partial.config as Record<string, unknown>), read_timeout: 9000 };
    await h.api('PUT', `/control-planes/${cp}/core-entities/partials/${String(partial.id)}`, { name, type, tags, config });
    const diff = await h.run(['diff', '-s', h.path('state'), ...h.konnect]);
    expect(diff.code).toBe(2);
    expect(diff.out).toContain('konnect-managed');
    expect((await h.run(['sync', '-s', h.path('state'), ...h.konnect, '--yes'])).code).toBe(0);
  });

  it('removes the partial from a control plane that leaves the group', async () => {
    await h.write('state/platform.yaml', platform('[g-team-a]'));
    await h.write('state/team-b.yaml', member('g-team-b', false));
    const result = await h.run(['sync', '-s', h.path('state'), ...h.konnect, '--yes']);
    expect(result.code, result.out + result.err).toBe(0);
    expect((await partialsOf(h, 'g-team-b')).map((p) => p.name)).toEqual([]);
    expect((await partialsOf(h, 'g-team-a')).map((p) => p.name)).toEqual(['konnect-managed']);
    const diff = await h.run(['diff', '-s', h.path('state'), ...h.konnect]);
    expect(diff.code, diff.out + diff.err).toBe(0);
  });

  it('removes the partials when the cache goes', async () => {
    await h.write('state/platform.yaml', platform('[g-team-a]', false));
    await h.write('state/team-a.yaml', member('g-team-a', false));
    const result = await h.run(['sync', '-s', h.path('state'), ...h.konnect, '--yes']);
    expect(result.code, result.out + result.err).toBe(0);
    expect((await partialsOf(h, 'g-team-a')).map((p) => p.name)).toEqual([]);
    expect(((await h.api('GET', '/cloud-gateways/add-ons')) as Listed).data).toEqual([]);
  });
});
