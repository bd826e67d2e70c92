import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

// Three repositories in one organization (README "Ownership"): a platform team's (a control plane group, a shared
// network, the group's managed cache) and two product teams' (one control plane each, with a configuration). Each
// syncs its own files; none may change or delete what another owns.
const platform = (withCache: boolean, members = '[own-pay, own-ord]') => `_konnect: { owner: platform }
control_planes:
  - name: own-edge
    cluster_type: CLUSTER_TYPE_CONTROL_PLANE_GROUP
    cloud_gateway: true
    members: ${members}
cloud_gateways:
  networks:
    - name: own-net
      provider: aws
      region: us-east-2
      availability_zones: [use2-az1, use2-az2, use2-az3]
      cidr_block: 10.42.0.0/22
  add_ons:${withCache ? `
    - name: own-edge-cache
      owner: { control_plane_group: own-edge }
      config: { kind: managed-cache.v0, capacity_config: { kind: tiered, tier: micro } }` : ' []'}
`;

const team = (owner: string, cp: string, extra: string[]) => `_konnect: { owner: ${owner} }
control_planes:
  - name: ${cp}
    cloud_gateway: true
${extra.map((name) => `  - name: ${name}\n    cloud_gateway: true\n`).join('')}cloud_gateways:
  configurations:
    - control_plane: ${cp}
      version: "3.11"
      dataplane_groups:
        - { provider: aws, region: us-east-2, network: own-net, autoscale: { kind: autopilot, base_rps: 100 } }
`;

interface Snapshot {
  controlPlanes: string[];
  networks: string[];
  addOns: string[];
  configurations: number;
}

describe('two teams and a platform team in one organization', () => {
  let h: Harness;
  const files = { platform: 'platform/konnect.yaml', pay: 'payments/konnect.yaml', ord: 'orders/konnect.yaml' };
  const sync = async (file: string) => {
    const result = await h.run(['sync', '-s', h.path(file), ...h.konnect, '--yes']);
    expect(result.code, `${file}\n${result.out}\n${result.err}`).toBe(0);
    return result;
  };
  const diff = async (file: string) => h.run(['diff', '-s', h.path(file), ...h.konnect]);
  const snapshot = async (): Promise<Snapshot> => {
    const names = async (path: string) => ((await h.api('GET', path)) as { data: Array<{ name: string }> }).data.map((item) => item.name).sort();
    const configurations = ((await h.api('GET', '/cloud-gateways/configurations')) as { data: unknown[] }).data.length;
    return {
      controlPlanes: await names('/control-planes?page[size]=100'),
      networks: await names('/cloud-gateways/networks'),
      addOns: await names('/cloud-gateways/add-ons'),
      configurations,
    };
  };

  beforeAll(async () => {
    h = await startHarness({ provisionMs: 0 });
    await h.write(files.platform, platform(true));
    await h.write(files.pay, team('payments', 'own-pay', ['own-pay-sandbox']));
    await h.write(files.ord, team('orders', 'own-ord', ['own-ord-sandbox']));
  });
  afterAll(() => h.stop());

  it('each repository syncs its own resources, and every diff stays clean whatever the order of the next syncs', async () => {
    // The first time, each needs the other: the teams' configurations use the platform's network, and the group lists
    // the teams' control planes, which must exist. So the platform syncs its network first, then the teams, then the
    // platform lists the members. After that, any order.
    await h.write(files.platform, platform(true, '[]'));
    await sync(files.platform);
    await sync(files.pay);
    await sync(files.ord);
    await h.write(files.platform, platform(true));
    await sync(files.platform);
    const first = await snapshot();
    expect(first.controlPlanes).toEqual(['own-edge', 'own-ord', 'own-ord-sandbox', 'own-pay', 'own-pay-sandbox']);
    expect(first.networks).toEqual(['own-net']);
    expect(first.addOns).toEqual(['own-edge-cache']);
    for (const order of [
      [files.platform, files.pay, files.ord],
      [files.ord, files.platform, files.pay],
      [files.pay, files.ord, files.platform],
    ]) {
      for (const file of order) await sync(file);
      expect(await snapshot()).toEqual(first);
      for (const file of Object.values(files)) expect((await diff(file)).code, file).toBe(0);
    }
  });

  it('a team removes one of its own control planes: only that one goes; nothing of the others changes', async () => {
    const before = await snapshot();
    await h.write(files.pay, team('payments', 'own-pay', []));
    const plan = await diff(files.pay);
    expect(plan.code).toBe(2);
    expect(plan.out).toContain('delete control plane own-pay-sandbox');
    expect(plan.out).not.toMatch(/own-ord|own-edge|own-net/);
    await sync(files.pay);
    const after = await snapshot();
    expect(after.controlPlanes).toEqual(before.controlPlanes.filter((name) => name !== 'own-pay-sandbox'));
    expect(after.networks).toEqual(before.networks);
    expect(after.addOns).toEqual(before.addOns);
    expect(after.configurations).toBe(before.configurations);
    for (const file of [files.ord, files.platform]) expect((await diff(file)).code, file).toBe(0);
  });

  it('the other team and the platform team remove one of theirs; nothing of the others changes', async () => {
    await h.write(files.ord, team('orders', 'own-ord', []));
    await sync(files.ord);
    await h.write(files.platform, platform(false));
    const plan = await diff(files.platform);
    expect(plan.out).toContain('delete add-on own-edge-cache');
    expect(plan.out).not.toMatch(/delete control plane|delete cloud gateway network/);
    await sync(files.platform);
    const after = await snapshot();
    expect(after.controlPlanes).toEqual(['own-edge', 'own-ord', 'own-pay']);
    expect(after.networks).toEqual(['own-net']);
    expect(after.addOns).toEqual([]);
    for (const file of Object.values(files)) expect((await diff(file)).code, file).toBe(0);
  });

  it('a state never changes what another owns: declaring another team’s control plane is refused, naming the owner', async () => {
    await h.write('intruder/konnect.yaml', team('intruder', 'own-pay', []));
    const result = await h.run(['diff', '-s', h.path('intruder/konnect.yaml'), ...h.konnect]);
    expect(result.code).toBe(1);
    expect(result.err + result.out).toContain('control plane own-pay is managed by owner "payments", not "intruder"');
  });

  it('an existing control plane nobody owns is adopted only when the file says so', async () => {
    await h.api('POST', '/control-planes', { name: 'own-legacy', cloud_gateway: false });
    await h.write('legacy/konnect.yaml', `_konnect: { owner: payments }\ncontrol_planes:\n  - name: own-pay\n    cloud_gateway: true\n  - name: own-legacy\n`);
    const refused = await h.run(['diff', '-s', h.path('legacy/konnect.yaml'), ...h.konnect]);
    expect(refused.code).toBe(1);
    expect(refused.err + refused.out).toContain('control plane own-legacy exists in Konnect and no konsync state owns it');
    await h.write('legacy/konnect.yaml', `_konnect: { owner: payments }\ncontrol_planes:\n  - name: own-pay\n    cloud_gateway: true\n  - name: own-legacy\n    adopt: true\n`);
    const adopted = await h.run(['diff', '-s', h.path('legacy/konnect.yaml'), ...h.konnect]);
    expect(adopted.code, adopted.err).toBe(2);
    expect(adopted.out).toContain('update control plane own-legacy');
    expect(adopted.out).toContain('konsync-owner');
  });
});

describe('protected resources and delete scope', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ provisionMs: 0 });
  });
  afterAll(() => h.stop());

  const state = (protectedFlag: boolean | undefined, withCp: boolean) =>
    withCp ? `control_planes:\n  - name: prot-cp\n    cloud_gateway: true\n${protectedFlag === undefined ? '' : `    protected: ${protectedFlag}\n`}` : 'control_planes: []\n';
  const gateway = `_format_version: "3.0"
_konnect: { control_plane_name: prot-cp }
services:
  - { name: s1, host: s1.internal, routes: [{ name: r1, paths: [/s1] }] }
  - { name: s2, host: s2.internal }
`;

  it('no plan deletes a protected control plane, whatever the flags; removing the flag is a change of its own', async () => {
    await h.write('cp/konnect.yaml', state(true, true));
    await h.write('gw/prot-cp.yaml', gateway);
    const first = await h.run(['sync', '-s', h.path('cp'), '-s', h.path('gw'), ...h.konnect, '--yes']);
    expect(first.code, first.err).toBe(0);
    await h.write('cp/konnect.yaml', state(undefined, false));
    const refused = await h.run(['sync', '-s', h.path('cp'), ...h.konnect, '--yes', '--allow-destructive']);
    expect(refused.code).toBe(1);
    expect(refused.err + refused.out).toContain('control plane prot-cp is protected');
    await h.write('cp/konnect.yaml', state(false, true));
    const unprotect = await h.run(['diff', '-s', h.path('cp'), ...h.konnect]);
    expect(unprotect.code).toBe(2);
    expect(unprotect.out).toContain('labels.konsync-protected');
    expect((await h.run(['sync', '-s', h.path('cp'), ...h.konnect, '--yes'])).code).toBe(0);
  });

  it('a control plane delete lists what goes with it and counts all of it toward --max-deletes', async () => {
    await h.write('cp/konnect.yaml', state(undefined, false));
    const plan = await h.run(['diff', '-s', h.path('cp'), ...h.konnect]);
    expect(plan.code).toBe(2);
    expect(plan.out).toContain('delete control plane prot-cp');
    expect(plan.out).toMatch(/takes with it 3: 1 route, 2 services/);
    const json = JSON.parse((await h.run(['diff', '-s', h.path('cp'), ...h.konnect, '--output', 'json'])).out) as { operations: Array<{ id: string; scope?: { total: number } }> };
    expect(json.operations.find((op) => op.id === 'delete:control_plane:prot-cp')?.scope?.total).toBe(3);
    const refused = await h.run(['sync', '-s', h.path('cp'), ...h.konnect, '--yes', '--max-deletes', '3']);
    expect(refused.code).toBe(1);
    expect(refused.err + refused.out).toContain('4 deletes (3 of them going along with a deleted or replaced resource), more than --max-deletes 3');
    expect((await h.run(['sync', '-s', h.path('cp'), ...h.konnect, '--yes', '--max-deletes', '4'])).code).toBe(0);
  });
});
