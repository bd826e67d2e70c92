import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { useResolver, type DnsResolver } from '../../src/dcgw/dns-check.js';

const platform = `control_planes:
  - name: st-edge
    cloud_gateway: true
  - name: st-group
    cluster_type: CLUSTER_TYPE_CONTROL_PLANE_GROUP
    cloud_gateway: true
    members: [st-member]
  - name: st-member
    cloud_gateway: true
cloud_gateways:
  networks:
    - name: st-net
      provider: aws
      region: us-east-2
      availability_zones: [use2-az1, use2-az2, use2-az3]
      cidr_block: 10.42.0.0/22
  configurations:
    - control_plane: st-edge
      version: "3.11"
      dataplane_groups:
        - { provider: aws, region: us-east-2, network: st-net, autoscale: { kind: autopilot, base_rps: 100 } }
  custom_domains:
    - { control_plane: st-edge, domain: api.example.com }
    - { control_plane: st-edge, domain: shop.example.com }
  add_ons:
    - name: st-cache
      owner: { control_plane_group: st-group }
      config: { kind: managed-cache.v0, capacity_config: { kind: tiered, tier: small } }
`;

interface StatusJson {
  networks: Array<{ name: string; id: string; iamRoleArn?: string; state: string }>;
  configurations: Array<{ controlPlane: string; dataPlaneGroups: Array<{ state: string; hostnames: string[]; egressIps: string[]; health?: { up: boolean } }> }>;
  customDomains: Array<{ domain: string; state: string; records: Array<{ name: string; type: string; value: string }>; online?: { cname: string }; dns?: { caa: { allowed: boolean; fix?: { value: string } }; cnames: Array<{ ok: boolean }> } }>;
  addOns: Array<{ name: string; state: string }>;
  groups: Array<{ controlPlane: string; state: string }>;
  problems: string[];
  ok: boolean;
}

/** Public DNS as a table: answers for the names it knows, "no such record" for the rest. */
function tableResolver(cnames: Record<string, string>, caa: Record<string, string[]> = {}): DnsResolver {
  const none = () => Object.assign(new Error('no data'), { code: 'ENODATA' });
  return {
    resolveCname: async (name) => (cnames[name] !== undefined ? [cnames[name]!] : Promise.reject(none())),
    resolveCaa: async (name) => (caa[name] ? caa[name]!.map((issue) => ({ critical: 0, issue })) : Promise.reject(none())),
  };
}

describe('konsync status against the emulator', () => {
  let h: Harness;
  let healthz: string;
  let restore: (() => void) | undefined;
  let syncOutput = '';
  beforeAll(async () => {
    h = await startHarness();
    healthz = `${h.emulator.url}/_dataplanes/{hostname}/___konnect/healthz`;
    await h.write('state/platform.yaml', platform);
    const synced = await h.run(['sync', '-s', h.path('state'), ...h.konnect, '--yes']);
    if (synced.code !== 0) throw new Error(synced.out + synced.err);
    syncOutput = synced.out;
  });
  afterAll(async () => {
    restore?.();
    await h?.stop();
  });

  const status = async (...extra: string[]) => {
    const result = await h.run(['status', '-s', h.path('state'), ...h.konnect, '--healthz-url', healthz, '--output', 'json', ...extra]);
    return { code: result.code, body: JSON.parse(result.out) as StatusJson, err: result.err };
  };

  it('reports networks with their IAM role, data planes healthy, domains with their DNS records, add-ons and groups: exit 0', async () => {
    const { code, body } = await status();
    expect(body.problems).toEqual([]);
    expect(code).toBe(0);
    const network = body.networks[0]!;
    expect(network.iamRoleArn).toMatch(new RegExp(`^arn:aws:iam::\\d{12}:role/${network.id}$`));
    const group = body.configurations[0]!.dataPlaneGroups[0]!;
    expect(group).toMatchObject({ state: 'ready', health: { up: true } });
    expect(group.egressIps.length).toBeGreaterThan(0);
    const [prefix, ...rest] = group.hostnames[0]!.split('.');
    expect(body.customDomains[0]).toMatchObject({
      domain: 'api.example.com',
      state: 'ready',
      online: { cname: 'verified' },
      records: [
        { name: 'api.example.com', type: 'CNAME', value: group.hostnames[0] },
        { name: '_acme-challenge.api.example.com', type: 'CNAME', value: `_acme-challenge.${prefix}.acme.${rest.join('.')}` },
      ],
    });
    expect(body.addOns).toEqual([{ name: 'st-cache', owner: 'st-group', state: 'ready' }]);
    expect(body.groups).toEqual([expect.objectContaining({ controlPlane: 'st-group', state: 'OK', conflicts: [] })]);
  });

  it('--check-dns: a CNAME that does not resolve, a CAA without pki.goog, and an unhealthy data plane: exit 2', async () => {
    const first = await status();
    const host = first.body.configurations[0]!.dataPlaneGroups[0]!.hostnames[0]!;
    const records = first.body.customDomains.flatMap((d) => d.records);
    const target = (name: string) => records.find((r) => r.name === name)!.value;
    // api.example.com is set up right; shop.example.com's CNAME is missing and its zone's CAA names another CA.
    restore = useResolver(
      tableResolver(
        { 'api.example.com': `${host}.`, '_acme-challenge.api.example.com': target('_acme-challenge.api.example.com'), '_acme-challenge.shop.example.com': target('_acme-challenge.shop.example.com') },
        { 'shop.example.com': ['letsencrypt.org'] },
      ),
    );
    await fetch(`${h.emulator.url}/_emulator/unhealthy/${host}`, { method: 'PUT' });
    const { code, body } = await status('--check-dns');
    expect(code).toBe(2);
    expect(body.ok).toBe(false);
    expect(body.configurations[0]!.dataPlaneGroups[0]!.health).toEqual({ up: false, detail: 'HTTP 503' });
    const [api, shop] = body.customDomains;
    expect(api!.dns).toMatchObject({ caa: { allowed: true }, cnames: [{ ok: true }, { ok: true }] });
    expect(shop!.dns).toMatchObject({ caa: { allowed: false, fix: { value: '0 issue "pki.goog"' } }, cnames: [{ ok: false }, { ok: true }] });
    expect(body.problems).toEqual([
      expect.stringMatching(/^data plane group st-edge aws\/us-east-2 is unhealthy \(HTTP 503\)$/),
      'custom domain shop.example.com: CAA at shop.example.com does not allow pki.goog',
      `custom domain shop.example.com: shop.example.com does not resolve to ${host}`,
    ]);
    const text = await h.run(['status', '-s', h.path('state'), ...h.konnect, '--healthz-url', healthz, '--check-dns']);
    expect(text.code).toBe(2);
    expect(text.out).toContain('shop.example.com. CAA 0 issue "pki.goog"');
    expect(text.out).toContain(`shop.example.com: does NOT resolve to ${host} (now: no CNAME)`);
    expect(text.out).toContain('IAM role (AWS workload identity): arn:aws:iam::');
    const markdown = await h.run(['status', '--all', ...h.konnect, '--healthz-url', healthz, '--output', 'markdown']);
    expect(markdown.code).toBe(2);
    expect(markdown.out).toContain('| st-net | aws/us-east-2 | ready | arn:aws:iam::');
    await fetch(`${h.emulator.url}/_emulator/unhealthy/${host}`, { method: 'DELETE' });
    expect((await fetch(healthz.replace('{hostname}', host))).status).toBe(200);
    expect((await fetch(healthz.replace('{hostname}', 'nowhere.example.com'))).status).toBe(404);
  });

  it('after the apply, sync prints the IAM role and the DNS records to create', async () => {
    expect(syncOutput).toMatch(/Network st-net: data planes assume IAM role arn:aws:iam::123456789012:role\/[0-9a-f-]{36}/);
    expect(syncOutput).toMatch(/Custom domain api\.example\.com: create these DNS records at your registrar:\n  api\.example\.com\. CNAME \S+\.\n  _acme-challenge\.api\.example\.com\. CNAME _acme-challenge\.\S+\.acme\.\S+\./);
  });

  it('diff shows the records (text and JSON); diff and validate --check-dns warn', async () => {
    restore?.();
    restore = useResolver(tableResolver({}, { 'example.com': ['digicert.com'] }));
    const json = await h.run(['diff', '-s', h.path('state'), ...h.konnect, '--output', 'json', '--check-dns']);
    expect(json.code, json.err).toBe(0);
    const body = JSON.parse(json.out) as { operations: unknown[]; dcgw: { customDomains: Array<{ domain: string; records: unknown[]; caa: { at: string } }>; warnings: string[] } };
    expect(body.operations).toEqual([]);
    expect(body.dcgw.customDomains.map((d) => [d.domain, d.records.length, d.caa.at])).toEqual([
      ['api.example.com', 2, 'example.com'],
      ['shop.example.com', 2, 'example.com'],
    ]);
    expect(body.dcgw.warnings[0]).toBe(
      'custom domain api.example.com: the CAA records at example.com do not allow pki.goog, which issues Konnect\'s certificates; add: example.com. CAA 0 issue "pki.goog"',
    );
    const text = await h.run(['diff', '-s', h.path('state'), ...h.konnect]);
    expect(text.out).toContain('DNS records for custom domain shop.example.com:\n  shop.example.com. CNAME ');
    const validate = await h.run(['validate', '-s', h.path('state'), '--check-dns', '--output', 'json']);
    expect(validate.code).toBe(0);
    expect((JSON.parse(validate.out) as { warnings: string[] }).warnings).toEqual([
      expect.stringContaining('custom domain api.example.com: the CAA records at example.com do not allow pki.goog'),
      expect.stringContaining('custom domain shop.example.com: the CAA records at example.com do not allow pki.goog'),
    ]);
  });

  it('needs files or --all', async () => {
    const result = await h.run(['status', ...h.konnect]);
    expect(result.code).toBe(1);
    expect(result.err + result.out).toContain('--all');
  });
});
