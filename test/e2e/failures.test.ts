import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJson, startHarness, type Harness } from './harness.js';

// A cache tier the org does not have: Konnect refuses the add-on. Its dependents are skipped, the rest goes on.
const platform = `control_planes:
  - name: e2e-big
    cloud_gateway: true
cloud_gateways:
  add_ons:
    - name: big-cache
      owner: { control_plane: e2e-big }
      config: { kind: managed-cache.v0, capacity_config: { kind: tiered, tier: 24xlarge } }
`;
const gateway = `_format_version: "3.0"
_konnect: { control_plane_name: e2e-big }
partials:
  - name: cache
    type: redis-ee
    config:
      host: "{vault://env/ADDON_MANAGED_CACHE_HOST}"
      port: "{vault://env/ADDON_MANAGED_CACHE_PORT}"
services:
  - name: api
    host: api.internal
    plugins:
      - name: rate-limiting-advanced
        partials: [{ name: cache }]
        config: { limit: [10], window_size: [60], sync_rate: 1, strategy: redis }
`;

describe('a failed operation', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.write('state/platform.yaml', platform);
    await h.write('state/gateway.yaml', gateway);
  });
  afterAll(async () => h?.stop());

  it('is reported with Konnect\'s message; its dependents are skipped, the rest applied; exit 1', async () => {
    const result = await h.run(['sync', '-s', h.path('state'), ...h.konnect, '--yes']);
    expect(result.code, result.out + result.err).toBe(1);
    expect(result.out).toMatch(/✗ create add-on big-cache: .*24xlarge/);
    expect(result.out).toMatch(/- create partial e2e-big\/cache: skipped/);
    expect(result.out).toMatch(/[1-9] applied, 1 failed, [1-9] skipped/);
  });

  it('JSON: the report has every result, printed on exit 1', async () => {
    const result = await h.run(['sync', '-s', h.path('state'), ...h.konnect, '--yes', '--output', 'json']);
    expect(result.code, result.out + result.err).toBe(1);
    const body = parseJson(result.out) as { report: { failed: number; results: Array<{ id: string; outcome: string; message?: string }> } };
    expect(body.report.failed).toBe(1);
    const failed = body.report.results.find((r) => r.outcome === 'failed');
    expect(failed?.id).toBe('create:add_on:big-cache');
    expect(failed?.message).toMatch(/not available/);
  });
});
