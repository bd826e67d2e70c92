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

  it('status shows each row\'s geo; --all lists control planes in every geo, without --all in the geos the files name', async () => {
    interface Row {
      controlPlane?: string;
      domain?: string;
      geo?: string;
    }
    const status = async (...extra: string[]) => {
      const before = h.emulator.requestLog.length;
      const result = await h.run(['status', ...h.konnect, '--no-health', ...extra]);
      const listings = h.emulator.requestLog.slice(before).map((entry) => entry.path.split('?')[0]!).filter((path) => path.endsWith('/v2/control-planes'));
      return { ...result, listings: listings.sort() };
    };
    const all = await status('--all', '--output', 'json');
    expect(all.code, all.err).not.toBe(1);
    expect(all.listings).toEqual(['/au/v2/control-planes', '/eu/v2/control-planes', '/in/v2/control-planes', '/me/v2/control-planes', '/sg/v2/control-planes', '/v2/control-planes']);
    const body = JSON.parse(all.out) as { configurations: Row[]; customDomains: Row[] };
    expect(body.configurations.map((row) => [row.controlPlane, row.geo])).toEqual([['geo-eu', 'eu'], ['geo-us', 'us']]);
    expect(body.customDomains.map((row) => [row.domain, row.geo])).toEqual([['api.eu.example.com', 'eu']]);

    const declared = await status('-s', h.path(state));
    expect(declared.code, declared.err).not.toBe(1);
    expect(declared.listings).toEqual(['/eu/v2/control-planes', '/v2/control-planes']);
    expect(declared.out).toContain('  geo-eu (eu)\n');
    expect(declared.out).toContain('  geo-us (us)\n');
    expect(declared.out).toContain('api.eu.example.com  (geo-eu in eu)');
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

// Two repositories: the platform's declares an eu control plane; a team's declares only that control plane's
// configuration and custom domain, without naming eu anywhere. The reader finds the control plane in eu by name, and
// the plan sends what belongs to it there.
describe('a control plane no file of the state declares, in a geo the files never name', () => {
  let h: Harness;
  const platformRepo = `_konnect: { owner: shared }
control_planes:
  - name: far-eu
    geo: eu
    cloud_gateway: true
${network.replace('geo-net', 'far-net')}`;
  const teamRepo = `_konnect: { owner: shared }
cloud_gateways:
  configurations:
    - control_plane: far-eu
      version: "3.11"
      dataplane_groups: [{ provider: aws, region: us-east-2, network: far-net, autoscale: { kind: autopilot, base_rps: 100 } }]
  custom_domains: [{ control_plane: far-eu, domain: api.far.example.com }]
`;
  interface JsonPlan {
    controlPlaneGeos?: Record<string, string>;
    operations: Array<{ id: string; geo?: string; requests: Array<{ body?: Record<string, unknown> }> }>;
  }

  const inGeo = async (geo: 'eu', path: string): Promise<Listed> => {
    const response = await fetch(`${h.emulator.url}/${geo}/v2${path}`, { headers: { authorization: `Bearer ${h.emulator.token}` } });
    return (await response.json()) as Listed;
  };
  const names = async (geo: 'eu', path: string) => (await inGeo(geo, path)).data.map((item) => item.name).sort();

  beforeAll(async () => {
    h = await startHarness({ provisionMs: 0 });
    await h.write('platform/konnect.yaml', platformRepo);
    await h.write('team/konnect.yaml', teamRepo);
  });
  afterAll(() => h.stop());

  it('finds it in eu, sends its configuration and domain with control_plane_geo eu, then finds nothing to do', async () => {
    const platform = await h.run(['sync', '-s', h.path('platform'), ...h.konnect, '--yes']);
    expect(platform.code, platform.out + platform.err).toBe(0);

    const before = h.emulator.requestLog.length;
    const planned = await h.run(['diff', '-s', h.path('team'), ...h.konnect, '--output', 'json']);
    expect(planned.code, planned.out + planned.err).toBe(2);
    // One listing by name per geo the files do not read (all but us).
    const lookups = h.emulator.requestLog.slice(before).filter((entry) => entry.path.includes('filter[name][eq]=far-eu') || entry.path.includes('filter%5Bname%5D%5Beq%5D=far-eu'));
    expect(lookups.map((entry) => entry.path.split('/v2/')[0]).sort()).toEqual(['/au', '/eu', '/in', '/me', '/sg']);
    const plan = JSON.parse(planned.out) as JsonPlan;
    expect(plan.controlPlaneGeos).toEqual({ 'far-eu': 'eu' });
    const creates = plan.operations.filter((op) => op.id.startsWith('create:'));
    expect(creates.map((op) => [op.id, op.geo])).toEqual(
      expect.arrayContaining([
        ['create:configuration:far-eu', 'eu'],
        ['create:custom_domain:api.far.example.com', 'eu'],
      ]),
    );
    for (const op of creates) expect(op.requests[0]!.body).toMatchObject({ control_plane_geo: 'eu' });

    const synced = await h.run(['sync', '-s', h.path('team'), ...h.konnect, '--yes']);
    expect(synced.code, synced.out + synced.err).toBe(0);
    const configurations = (await h.api('GET', '/cloud-gateways/configurations')) as { data: Array<{ control_plane_geo: string }> };
    expect(configurations.data.map((item) => item.control_plane_geo)).toEqual(['eu']);
    const domains = (await h.api('GET', '/cloud-gateways/custom-domains')) as { data: Array<{ control_plane_geo: string }> };
    expect(domains.data.map((item) => item.control_plane_geo)).toEqual(['eu']);
    const diff = await h.run(['diff', '-s', h.path('team'), ...h.konnect]);
    expect(diff.code, diff.out + diff.err).toBe(0);
  });

  it('a decK file for that control plane, naming no geo, is synced into eu', async () => {
    await h.write('team/far-eu.yaml', gateway('far-eu', 'far-svc'));
    const synced = await h.run(['sync', '-s', h.path('team'), ...h.konnect, '--yes']);
    expect(synced.code, synced.out + synced.err).toBe(0);
    const [plane] = (await inGeo('eu', '/control-planes')).data;
    expect(await names('eu', `/control-planes/${plane!.id}/core-entities/services`)).toEqual(['far-svc']);
    const diff = await h.run(['diff', '-s', h.path('team'), ...h.konnect]);
    expect(diff.code, diff.out + diff.err).toBe(0);
    await rm(h.path('team/far-eu.yaml'));
  });

  it('a control plane found in no geo stays an error naming it', async () => {
    await h.write('team/konnect.yaml', teamRepo.replaceAll('far-eu', 'far-nowhere'));
    const diff = await h.run(['diff', '-s', h.path('team'), ...h.konnect]);
    expect(diff.code).toBe(1);
    expect(diff.err).toContain('far-nowhere');
    await h.write('team/konnect.yaml', teamRepo);
  });
});
