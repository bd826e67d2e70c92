import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJson, startHarness, type Harness } from './harness.js';

// Day 2 on every async kind: sync, change one field in place, sync (exit 0, the readiness wait follows the entity
// even when the write gave it a new id, as a configuration PUT does), then diff finds nothing left to do.
interface Knobs {
  logLevel: string;
  tgwCidr: string;
  resolverIp: string;
  tier: string;
  domain: string;
}

const state = (k: Knobs) => `control_planes:
  - name: e2e-async-cp
    cloud_gateway: true
cloud_gateways:
  networks:
    - name: e2e-async-net
      provider: aws
      region: us-east-2
      availability_zones: [use2-az1, use2-az2, use2-az3]
      cidr_block: 10.42.0.0/22
      transit_gateways:
        - name: e2e-tgw
          cidr_blocks: [${k.tgwCidr}]
          transit_gateway_attachment_config:
            kind: aws-transit-gateway-attachment
            transit_gateway_id: tgw-0a1b2c3d4e5f60718
            ram_share_arn: arn:aws:ram:us-east-2:123456789012:resource-share/6f1c2b3a-4d5e-4f60-8a9b-0c1d2e3f4a5b
      private_dns:
        - name: e2e-zone
          private_dns_attachment_config:
            kind: aws-outbound-resolver
            dns_config: { corp.internal: { remote_dns_server_ip_addresses: [${k.resolverIp}] } }
  configurations:
    - control_plane: e2e-async-cp
      version: "3.11"
      dataplane_groups:
        - provider: aws
          region: us-east-2
          network: e2e-async-net
          autoscale: { kind: autopilot, base_rps: 100 }
          environment: [ { name: KONG_LOG_LEVEL, value: ${k.logLevel} } ]
  custom_domains:
    - { control_plane: e2e-async-cp, domain: ${k.domain} }
  add_ons:
    - name: e2e-async-cache
      owner: { control_plane: e2e-async-cp }
      config: { kind: managed-cache.v0, capacity_config: { kind: tiered, tier: ${k.tier} } }
`;

const BASE: Knobs = { logLevel: 'info', tgwCidr: '10.100.0.0/16', resolverIp: '10.0.0.2', tier: 'micro', domain: 'api.e2e-async.example.com' };

describe('updating every async kind in place', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.write('async/state.yaml', state(BASE));
    const first = await h.run(['sync', '-s', h.path('async'), ...h.konnect, '--yes']);
    if (first.code !== 0) throw new Error(`setup sync failed: ${first.out}${first.err}`);
  });
  afterAll(async () => h?.stop());

  const cases: Array<{ what: string; change: Partial<Knobs>; op: string; flags?: string[] }> = [
    { what: 'a configuration (Konnect gives it a new id)', change: { logLevel: 'debug' }, op: 'update:configuration:e2e-async-cp' },
    { what: 'a transit gateway', change: { tgwCidr: '10.101.0.0/16' }, op: 'update:transit_gateway:e2e-async-net/e2e-tgw' },
    { what: 'a private DNS resolver', change: { resolverIp: '10.0.0.3' }, op: 'update:private_dns:e2e-async-net/e2e-zone' },
    { what: 'an add-on', change: { tier: 'small' }, op: 'update:add_on:e2e-async-cache' },
    { what: 'a custom domain (a new one replaces it)', change: { domain: 'api2.e2e-async.example.com' }, op: 'create:custom_domain:api2.e2e-async.example.com', flags: ['--allow-destructive'] },
  ];
  let knobs = BASE;
  for (const { what, change, op, flags } of cases) {
    it(`${what}: sync exits 0, then no changes`, async () => {
      knobs = { ...knobs, ...change };
      await h.write('async/state.yaml', state(knobs));
      const sync = await h.run(['sync', '-s', h.path('async'), ...h.konnect, '--yes', '--output', 'json', ...(flags ?? [])]);
      expect(sync.code, sync.out + sync.err).toBe(0);
      const ids = (parseJson(sync.out) as { plan: { operations: Array<{ id: string }> } }).plan.operations.map((one) => one.id);
      expect(ids).toContain(op);
      const diff = await h.run(['diff', '-s', h.path('async'), ...h.konnect]);
      expect(diff.code, diff.out + diff.err).toBe(0);
    });
  }
});

describe('removing every async kind at once', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.write('async/state.yaml', state(BASE));
    const first = await h.run(['sync', '-s', h.path('async'), ...h.konnect, '--yes']);
    if (first.code !== 0) throw new Error(`setup sync failed: ${first.out}${first.err}`);
  });
  afterAll(async () => h?.stop());

  it('deletes them in order, each waiting for what used it to be gone: exit 0, then no changes', async () => {
    await h.write('async/state.yaml', 'control_planes: []\ncloud_gateways: { networks: [], configurations: [], custom_domains: [], add_ons: [] }\n');
    const sync = await h.run(['sync', '-s', h.path('async'), ...h.konnect, '--yes', '--allow-destructive']);
    expect(sync.code, sync.out + sync.err).toBe(0);
    const diff = await h.run(['diff', '-s', h.path('async'), ...h.konnect]);
    expect(diff.code, diff.out + diff.err).toBe(0);
  });
});
