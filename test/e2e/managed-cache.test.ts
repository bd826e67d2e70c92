import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlPlaneId, startHarness, type Harness } from './harness.js';

// The seed scenario: a managed cache owned by a control plane group, the `konnect-managed` redis-ee partial created on
// each member with the cache's vault references, and a Rate Limiting Advanced plugin using it.
const platform = `control_planes:
  - name: e2e-shared
    cluster_type: CLUSTER_TYPE_CONTROL_PLANE_GROUP
    cloud_gateway: true
    members: [e2e-team-a, e2e-team-b]
  - name: e2e-team-a
    cloud_gateway: true
  - name: e2e-team-b
    cloud_gateway: true
  - name: e2e-solo
    cloud_gateway: true
cloud_gateways:
  networks:
    - name: e2e-net
      provider: aws
      region: us-east-2
      availability_zones: [use2-az1, use2-az2, use2-az3]
      cidr_block: 10.42.0.0/22
  configurations:
    - control_plane: e2e-shared
      version: "3.11"
      dataplane_groups:
        - provider: aws
          region: us-east-2
          network: e2e-net
          autoscale: { kind: autopilot, base_rps: 100 }
    - control_plane: e2e-solo
      version: "3.11"
      dataplane_groups:
        - provider: aws
          region: us-east-2
          network: e2e-net
          autoscale: { kind: autopilot, base_rps: 100 }
  add_ons:
    - name: e2e-shared-cache
      owner: { control_plane_group: e2e-shared }
      config: { kind: managed-cache.v0, capacity_config: { kind: tiered, tier: small } }
    - name: e2e-solo-cache
      owner: { control_plane: e2e-solo }
      config: { kind: managed-cache.v0, capacity_config: { kind: tiered, tier: micro } }
`;

const member = (name: string) => `_format_version: "3.0"
_konnect: { control_plane_name: ${name} }
partials:
  - name: konnect-managed
    type: redis-ee
    config:
      host: "{vault://env/ADDON_MANAGED_CACHE_HOST}"
      port: "{vault://env/ADDON_MANAGED_CACHE_PORT}"
      username: "{vault://env/ADDON_MANAGED_CACHE_USERNAME}"
      server_name: "{vault://env/ADDON_MANAGED_CACHE_SERVER_NAME}"
      ssl: true
      cloud_authentication:
        auth_provider: "{vault://env/ADDON_MANAGED_CACHE_AUTH_PROVIDER}"
        aws_cache_name: "{vault://env/ADDON_MANAGED_CACHE_AWS_CACHE_NAME}"
        aws_region: "{vault://env/ADDON_MANAGED_CACHE_AWS_REGION}"
        aws_assume_role_arn: "{vault://env/ADDON_MANAGED_CACHE_AWS_ASSUME_ROLE_ARN}"
services:
  - name: ${name}-api
    host: ${name}.internal
    port: 8080
    protocol: http
    routes:
      - name: ${name}-route
        paths: [/${name}]
    plugins:
      - name: rate-limiting-advanced
        partials: [{ name: konnect-managed }]
        config:
          limit: [100]
          window_size: [60]
          sync_rate: 1
          strategy: redis
          namespace: ${name}
`;

const solo = `_format_version: "3.0"
_konnect: { control_plane_name: e2e-solo }
services:
  - name: solo-api
    host: solo.internal
`;

interface Listed {
  data: Array<Record<string, unknown>>;
}

describe('managed cache owned by a control plane group (seed scenario)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.write('state/platform.yaml', platform);
    await h.write('state/team-a.yaml', member('e2e-team-a'));
    await h.write('state/team-b.yaml', member('e2e-team-b'));
    await h.write('state/solo.yaml', solo);
  });
  afterAll(async () => h?.stop());

  it('syncs from empty in dependency order, waiting for the cache before the partials', async () => {
    const result = await h.run(['sync', '-s', h.path('state'), ...h.konnect, '--yes']);
    expect(result.err + result.out).not.toMatch(/✗/);
    expect(result.code, result.out + result.err).toBe(0);
    const addOns = (await h.api('GET', '/cloud-gateways/add-ons')) as Listed;
    expect(addOns.data.map((a) => a.state)).toEqual(['ready', 'ready']);
    for (const name of ['e2e-team-a', 'e2e-team-b']) {
      const cp = await controlPlaneId(h, name);
      const partials = (await h.api('GET', `/control-planes/${cp}/core-entities/partials`)) as Listed;
      const partial = partials.data.find((p) => p.name === 'konnect-managed');
      expect(partial).toBeDefined();
      const plugins = (await h.api('GET', `/control-planes/${cp}/core-entities/plugins`)) as Listed;
      const rla = plugins.data.find((p) => p.name === 'rate-limiting-advanced');
      expect(JSON.stringify(rla?.partials)).toContain(String(partial?.id));
    }
  });

  it('is a no-op the second time, and keeps the cache-owner\'s konnect-managed partial', async () => {
    const diff = await h.run(['diff', '-s', h.path('state'), ...h.konnect, '--output', 'json']);
    expect(diff.code, diff.out + diff.err).toBe(0);
    const solo = await controlPlaneId(h, 'e2e-solo');
    const partials = (await h.api('GET', `/control-planes/${solo}/core-entities/partials`)) as Listed;
    expect(partials.data.some((p) => String(p.name).startsWith('konnect-managed-'))).toBe(true);
  });

  it('dumps without Konnect-made entities, and the dump diffs clean', async () => {
    expect((await h.run(['dump', ...h.konnect, '--out', h.path('dumped')])).code).toBe(0);
    const soloFile = await readFile(h.path('dumped/e2e-solo.yaml'), 'utf8');
    expect(soloFile).not.toContain('konnect-managed-');
    const teamA = await readFile(h.path('dumped/e2e-team-a.yaml'), 'utf8');
    expect(teamA).toContain('ADDON_MANAGED_CACHE_HOST');
    const result = await h.run(['diff', '-s', h.path('dumped'), ...h.konnect]);
    expect(result.code, result.out + result.err).toBe(0);
  });
});
