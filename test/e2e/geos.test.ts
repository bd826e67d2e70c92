import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir, rm } from 'node:fs/promises';
import { startHarness, type Harness } from './harness.js';

// One organization, control planes in two geos, one state: a platform file per geo and a gateway file per control
// plane. The emulator serves us on /v2 and eu on /eu/v2, as Konnect's us and eu hosts.
const network = `cloud_gateways:
  networks:
    - name: geo-net
      provider: aws
      region: us-east-2
      availability_zones: [use2-az1, use2-az2, use2-az3]
      cidr_block: 10.42.0.0/22
`;
const platform = (geo: string, cp: string | undefined, extra = '') => `_konnect: { geo: ${geo} }
control_planes:${cp === undefined ? ' []' : `
  - name: ${cp}
    cloud_gateway: true`}
${extra}`;
const inUs = platform(
  'us',
  'geo-us',
  `${network}  configurations:
    - control_plane: geo-us
      version: "3.11"
      dataplane_groups: [{ provider: aws, region: us-east-2, network: geo-net, autoscale: { kind: autopilot, base_rps: 100 } }]
`,
);
const inEu = platform(
  'eu',
  'geo-eu',
  `cloud_gateways:
  configurations:
    - control_plane: geo-eu
      version: "3.11"
      dataplane_groups: [{ provider: aws, region: us-east-2, network: geo-net, autoscale: { kind: autopilot, base_rps: 100 } }]
  custom_domains: [{ control_plane: geo-eu, domain: api.eu.example.com }]
`,
);
const gateway = (cp: string, service: string) => `_format_version: "3.0"
_konnect: { control_plane_name: ${cp} }
services:
  - name: ${service}
    host: ${service}.internal
    routes: [{ name: ${service}-route, paths: [/${service}] }]
`;

interface Listed {
  data: Array<{ id: string; name: string }>;
}

describe('control planes in us and eu in one run', () => {
  let h: Harness;
  const state = 'state';
  /** A regional API call to one geo's host (`/v2` is us, `/eu/v2` eu). */
  const inGeo = async (geo: 'us' | 'eu', path: string): Promise<Listed> => {
    const root = geo === 'us' ? '/v2' : `/${geo}/v2`;
    const token = h.emulator.token;
    const response = await fetch(`${h.emulator.url}${root}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return (await response.json()) as Listed;
  };
  const names = async (geo: 'us' | 'eu', path: string) => (await inGeo(geo, path)).data.map((item) => item.name).sort();
  const run = (command: string, ...extra: string[]) => h.run([command, '-s', h.path(state), ...h.konnect, ...extra]);

  beforeAll(async () => {
    h = await startHarness({ provisionMs: 0 });
    await h.write(`${state}/us.yaml`, inUs);
    await h.write(`${state}/eu.yaml`, inEu);
    await h.write(`${state}/geo-us.yaml`, gateway('geo-us', 'orders'));
    await h.write(`${state}/geo-eu.yaml`, gateway('geo-eu', 'payments'));
  });
  afterAll(() => h.stop());

  it('syncs each control plane into its geo, then diff, a second sync and a dump round trip find nothing to do', async () => {
    const first = await run('sync', '--yes');
    expect(first.code, first.out + first.err).toBe(0);
    expect(await names('us', '/control-planes')).toEqual(['geo-us']);
    expect(await names('eu', '/control-planes')).toEqual(['geo-eu']);
    const [euPlane] = (await inGeo('eu', '/control-planes')).data;
    expect(await names('eu', `/control-planes/${euPlane!.id}/core-entities/services`)).toEqual(['payments']);
    const [usPlane] = (await inGeo('us', '/control-planes')).data;
    expect(await names('us', `/control-planes/${usPlane!.id}/core-entities/services`)).toEqual(['orders']);

    const before = h.emulator.requestLog.length;
    const diff = await run('diff');
    expect(diff.code, diff.out + diff.err).toBe(0);
    // Each geo's control planes are listed once; each control plane's entities in its own geo only.
    const listings = h.emulator.requestLog.slice(before).map((entry) => entry.path.split('?')[0]!);
    expect(listings.filter((path) => path.endsWith('/v2/control-planes')).sort()).toEqual(['/eu/v2/control-planes', '/v2/control-planes']);
    expect(listings.filter((path) => path.includes(String(euPlane!.id))).every((path) => path.startsWith('/eu/v2/'))).toBe(true);
    expect(listings.filter((path) => path.includes(String(usPlane!.id))).every((path) => path.startsWith('/v2/'))).toBe(true);
    const again = await run('sync', '--yes', '--output', 'json');
    expect(again.code, again.out + again.err).toBe(0);
    expect((JSON.parse(again.out) as { plan: { summary: { total: number } } }).plan.summary.total).toBe(0);

    const dumped = await h.run(['dump', ...h.konnect, '--geo', 'us', '--geo', 'eu', '--out', h.path('dump')]);
    expect(dumped.code, dumped.out + dumped.err).toBe(0);
    expect((await readdir(h.path('dump'))).sort()).toEqual(['geo-eu.yaml', 'geo-us.yaml', 'konnect.yaml']);
    const roundTrip = await h.run(['diff', '-s', h.path('dump'), ...h.konnect]);
    expect(roundTrip.code, roundTrip.out + roundTrip.err).toBe(0);
  });

  it('apply sends a saved plan where the plan says (an eu control plane looked up in eu), and refuses a --geo that contradicts it', async () => {
    await h.write(`${state}/geo-eu.yaml`, `${gateway('geo-eu', 'payments')}  - name: refunds\n    host: refunds.internal\n`);
    const planned = await run('plan', '--out', h.path('plan.json'));
    expect(planned.code, planned.out + planned.err).toBe(2);
    const refused = await h.run(['apply', h.path('plan.json'), ...h.konnect, '--geo', 'eu']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("--geo eu differs from the plan's geo us");
    const applied = await h.run(['apply', h.path('plan.json'), ...h.konnect]);
    expect(applied.code, applied.out + applied.err).toBe(0);
    const [euPlane] = (await inGeo('eu', '/control-planes')).data;
    expect(await names('eu', `/control-planes/${euPlane!.id}/core-entities/services`)).toEqual(['payments', 'refunds']);
    expect((await run('diff')).code).toBe(0);
  });

  it('refuses to move a control plane to another geo', async () => {
    await h.write(`${state}/us.yaml`, inUs.replace('  - name: geo-us\n', '  - name: geo-us\n    geo: eu\n'));
    const moved = await run('diff');
    expect(moved.code).toBe(1);
    expect(moved.err).toContain('control plane geo-us lives in geo us; the files place it in eu');
    await h.write(`${state}/us.yaml`, inUs);
  });

  it('deletes the eu control plane removed from the files, with what goes with it, and changes nothing in us', async () => {
    await h.write(`${state}/eu.yaml`, platform('eu', undefined, 'cloud_gateways:\n  configurations: []\n  custom_domains: []\n'));
    await rm(h.path(`${state}/geo-eu.yaml`));
    const plan = await run('diff', '--output', 'json');
    expect(plan.code, plan.out + plan.err).toBe(2);
    const operations = (JSON.parse(plan.out) as { operations: Array<{ id: string; geo?: string; scope?: { byKind: Record<string, number> } }> }).operations;
    const deletes = operations.filter((op) => !op.id.startsWith('wait:'));
    expect(deletes.map((op) => op.id).sort()).toEqual(['delete:configuration:geo-eu', 'delete:control_plane:geo-eu', 'delete:custom_domain:api.eu.example.com']);
    const controlPlane = deletes.find((op) => op.id === 'delete:control_plane:geo-eu')!;
    expect(controlPlane.geo).toBe('eu');
    expect(controlPlane.scope?.byKind).toMatchObject({ service: 2, route: 1 });
    expect((await run('diff')).out).toContain('delete control plane geo-eu (eu)');
    const synced = await run('sync', '--yes');
    expect(synced.code, synced.out + synced.err).toBe(0);
    expect(await names('eu', '/control-planes')).toEqual([]);
    expect(await names('us', '/control-planes')).toEqual(['geo-us']);
    expect((await run('diff')).code).toBe(0);
  });

  it('refuses to read one control plane name in two geos', async () => {
    const made = await fetch(`${h.emulator.url}/eu/v2/control-planes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.emulator.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'geo-us' }),
    });
    expect(made.status).toBe(201);
    const diff = await run('diff');
    expect(diff.code).toBe(1);
    expect(diff.err).toContain('control plane "geo-us" exists in geo us and in geo eu');
  });
});
