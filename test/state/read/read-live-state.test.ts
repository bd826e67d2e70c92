import { describe, expect, it } from 'vitest';
import { readLiveState } from '../../../src/state/read/index.js';
import { serverMadeRefs } from '../../../src/state/read/server-made.js';
import { FakeApi } from './fake-api.js';
import { desiredState, konnectData, scope } from './fixtures.js';
import type { Entity } from '../../../src/model/entity.js';

const find = (entities: Entity[], kind: string, key: string) => entities.find((e) => e.kind === kind && e.key === key);

describe('readLiveState against a fake KonnectApi', () => {
  it('builds gateway entities with keys, references by name, parents, and platform lookups', async () => {
    const api = new FakeApi(konnectData());
    const desired = desiredState(
      [
        { kind: 'control_plane', key: 'payments', fields: { name: 'payments' } },
        { kind: 'control_plane', key: 'platform', fields: { name: 'platform', members: ['payments'] } },
      ],
      [scope('payments')],
    );
    const { entities } = await readLiveState(api, desired);

    expect(find(entities, 'service', 'payments/svc1')).toMatchObject({ id: 's1', controlPlane: 'payments', fields: { name: 'svc1', host: 'h1.internal' } });
    expect(find(entities, 'service', 'payments/svc1')!.fields.created_at).toBeUndefined();
    expect(entities.filter((e) => e.kind === 'service')).toHaveLength(1500);
    expect(find(entities, 'route', 'payments/orders-route')!.fields.service).toBe('svc1');
    const plugin = find(entities, 'plugin', 'payments/rate-limiting-advanced|service=svc1');
    expect(plugin!.fields.partials).toEqual([{ name: 'redis', path: 'config.redis' }]);
    expect(plugin!.fields.route).toBeUndefined();
    // An id konsync cannot map is kept as id:<uuid>.
    expect(find(entities, 'plugin', 'payments/cors|service=id:gone')).toBeDefined();
    expect(find(entities, 'target', 'payments/up/10.0.0.1:80')!.fields.upstream).toBe('up');
    expect(find(entities, 'consumer_group_member', 'payments/gold/alice')!.fields).toEqual({ consumer_group: 'gold', consumer: 'alice' });
    expect(find(entities, 'sni', 'payments/api.example.com')!.fields.certificate).toMatch(/^cert-[0-9a-f]{12}$/);

    expect(find(entities, 'control_plane', 'payments')!.fields).toMatchObject({ name: 'payments', cluster_type: 'CLUSTER_TYPE_CONTROL_PLANE' });
    expect(find(entities, 'control_plane_membership', 'platform')!.fields).toEqual({ control_plane: 'platform', members: ['payments'] });
    expect(find(entities, 'custom_domain', 'api.example.com')!.fields.control_plane).toBe('payments');
    expect(find(entities, 'provider_account', 'aws')).toBeDefined();
    // The other control plane's gateway entities are not read.
    expect(entities.some((e) => e.controlPlane === 'other')).toBe(false);
    expect(api.listed.some((l) => l.path.includes('/cp-2/'))).toBe(false);
    // Memberships only for groups (parentFilter), one entity per group.
    expect(api.listed.filter((l) => l.path.includes('group-memberships')).map((l) => l.path)).toEqual(['/control-planes/cp-g/group-memberships']);
  });

  it('uses only list pages, at the largest page size, per parent where a kind has one', async () => {
    const api = new FakeApi(konnectData());
    await readLiveState(api, desiredState([], [scope('payments')]));
    expect(api.requested).toEqual([]);
    const stats = api.stats();
    expect(stats.requests).toBe(stats.pages);
    for (const l of api.listed) expect(l.pageSize).toBe(l.api === 'core-entities' ? 1000 : 100);
    const paths = api.listed.map((l) => l.path);
    expect(paths.filter((p) => p.endsWith('/targets')).sort()).toEqual([
      '/control-planes/cp-1/core-entities/upstreams/u1/targets',
      '/control-planes/cp-1/core-entities/upstreams/u2/targets',
    ]);
    expect(paths.filter((p) => p.includes('/consumer_groups/'))).toEqual(['/control-planes/cp-1/core-entities/consumer_groups/g1/consumers']);
    // 1500 services are two pages of 1000; each path is listed once.
    expect(new Set(paths).size).toBe(paths.length);
    expect(stats.pages).toBe(paths.length + 1);
  });

  it('marks Konnect-made entities: konnect-managed partials, the custom domain certificate and SNI', async () => {
    const api = new FakeApi(konnectData());
    const { entities } = await readLiveState(api, desiredState([], [scope('payments')]));
    const made = serverMadeRefs(entities);
    expect(made.has('partial:payments/konnect-managed-a188516a-b1a6-4fad-9eda-f9b1be1b7159')).toBe(true);
    expect(made.has('partial:payments/redis')).toBe(false);
    expect(made.has('sni:payments/api.example.com')).toBe(true);
    const cert = entities.find((e) => e.kind === 'certificate')!;
    expect(made.has(`certificate:${cert.key}`)).toBe(true);
    expect(made.has('service:payments/svc1')).toBe(false);
  });

  it('reads platform resources the desired state touches, closed over references', async () => {
    const api = new FakeApi(konnectData());
    const desired = desiredState(
      [
        { kind: 'configuration', key: 'payments', fields: { control_plane: 'payments', dataplane_groups: [] } },
        { kind: 'network', key: 'prod', fields: { name: 'prod' } },
      ],
      [],
      [{ kind: 'configuration' }],
    );
    const { entities } = await readLiveState(api, desired);
    const config = find(entities, 'configuration', 'payments')!;
    expect(config.fields.dataplane_groups).toEqual([{ provider: 'aws', region: 'us-east-2', network: 'prod', autoscale: { kind: 'autopilot', base_rps: 100 } }]);
    expect(config.fingerprint).toEqual({ id: 'conf-1', version: 'v:7' });
    // A configuration with no data plane groups stands for absence.
    expect(find(entities, 'configuration', 'other')).toBeUndefined();
    expect(find(entities, 'network', 'prod')!.fields.provider).toBe('aws');
    // Children only under the desired network.
    expect(find(entities, 'transit_gateway', 'prod/tgw')).toBeDefined();
    expect(find(entities, 'transit_gateway', 'unused/other-tgw')).toBeUndefined();
    // Nothing gateway-level and no add-ons or custom domains: not touched.
    const paths = api.listed.map((l) => l.path);
    expect(paths.some((p) => p.includes('core-entities'))).toBe(false);
    expect(paths).not.toContain('/cloud-gateways/add-ons');
  });

  it('a scope naming a control plane that does not exist yet reads no gateway entities', async () => {
    const api = new FakeApi(konnectData());
    const { entities } = await readLiveState(api, desiredState([], [scope('new-cp')]));
    expect(entities.some((e) => e.controlPlane !== undefined)).toBe(false);
    expect(api.listed.some((l) => l.api === 'core-entities')).toBe(false);
  });

  it('everything: every control plane and every platform resource (dump)', async () => {
    const api = new FakeApi(konnectData());
    const { entities } = await readLiveState(api, desiredState([], []), { everything: true });
    expect(find(entities, 'service', 'other/elsewhere')).toBeDefined();
    expect(find(entities, 'transit_gateway', 'unused/other-tgw')).toBeDefined();
    expect(find(entities, 'add_on', 'cache')!.fields.owner).toEqual({ control_plane: 'payments' });
    const only = new FakeApi(konnectData());
    const some = await readLiveState(only, desiredState([], []), { everything: true, controlPlanes: ['other'] });
    expect(some.entities.some((e) => e.controlPlane === 'payments')).toBe(false);
    expect(find(some.entities, 'service', 'other/elsewhere')).toBeDefined();
  });

  it('propagates abort and API errors', async () => {
    const api = new FakeApi(konnectData());
    const failing = Object.assign(Object.create(api) as FakeApi, {
      list: async () => {
        throw new Error('boom');
      },
    });
    await expect(readLiveState(failing, desiredState([], [scope('payments')]))).rejects.toThrow('boom');
    const controller = new AbortController();
    const seen: Array<AbortSignal | undefined> = [];
    const watching = Object.assign(Object.create(api) as FakeApi, {
      list: async (...args: Parameters<FakeApi['list']>) => {
        seen.push(args[3]?.signal);
        controller.abort(new Error('stopped'));
        throw args[3]?.signal?.reason as Error;
      },
    });
    await expect(readLiveState(watching, desiredState([], []), { signal: controller.signal })).rejects.toThrow('stopped');
    expect(seen.every((signal) => signal === controller.signal)).toBe(true);
  });

  it('decodes each kind as soon as it and the kinds before it are listed, and returns the same entities in the same order', async () => {
    const desired = desiredState([{ kind: 'control_plane', key: 'payments', fields: { name: 'payments' } }], [scope('payments')]);
    const expected = (await readLiveState(new FakeApi(konnectData()), desired)).entities;
    const api = new FakeApi(konnectData());
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const gated = Object.assign(Object.create(api) as FakeApi, {
      list: async (...args: Parameters<FakeApi['list']>) => {
        if (args[1].endsWith('/core-entities/routes')) await gate;
        return api.list(...args);
      },
    });
    const decodedKinds: string[] = [];
    const reading = readLiveState(gated, desired, { onKindDecoded: (kind, _entities, controlPlane) => decodedKinds.push(`${controlPlane ?? ''}:${kind}`) });
    for (let i = 0; i < 50 && !decodedKinds.includes('payments:service'); i++) await new Promise((resolve) => setImmediate(resolve));
    expect(decodedKinds).toContain('payments:service');
    expect(decodedKinds).not.toContain('payments:route');
    release();
    const { entities } = await reading;
    expect(entities.map((e) => `${e.kind} ${e.key}`)).toEqual(expected.map((e) => `${e.kind} ${e.key}`));
  });

  it('gives the same entities, in the same order, when pages come one item at a time, in reverse, between turns', async () => {
    const desired = desiredState([], []);
    const options = { everything: true, schemaDefaults: false } as const;
    const expected = (await readLiveState(new FakeApi(konnectData()), desired, options)).entities;
    const api = new FakeApi(konnectData());
    // Every listing in pages of one item, last item first, each page on its own turn: referrers mostly come before
    // what they name, and listings interleave.
    const paging = Object.assign(Object.create(api) as FakeApi, {
      list: async (...args: Parameters<FakeApi['list']>) => {
        const items = await api.list(...args);
        for (const item of [...items].reverse()) {
          await new Promise((resolve) => setImmediate(resolve));
          args[3]?.onPage?.([item]);
        }
        return [...items].reverse();
      },
    });
    const early: string[] = [];
    const { entities } = await readLiveState(paging, desired, { ...options, onEntityDecoded: (entity) => early.push(entity.key) });
    expect(entities.map((e) => `${e.kind} ${e.key}`)).toEqual(expected.map((e) => `${e.kind} ${e.key}`));
    expect(entities.map((e) => e.fields)).toEqual(expected.map((e) => e.fields));
    expect(early.length).toBeGreaterThan(0);
  });
});
