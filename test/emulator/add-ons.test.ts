import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configurationBody, createControlPlane, createNetwork, harness, items, providerAccountId, type Body, type Harness } from './helpers.js';

let h: Harness;
let cp: Body;
beforeEach(async () => {
  h = await harness({ provisionMs: 1000 });
  cp = await createControlPlane(h, { name: 'payments', cloud_gateway: true });
});
afterEach(async () => {
  await h.emulator.stop();
});

const cache = (tier: string) => ({ kind: 'managed-cache.v0', capacity_config: { kind: 'tiered', tier } });
const create = (name: string, owner: Record<string, unknown>, tier = 'small') => h.call('POST', '/cloud-gateways/add-ons', { name, owner, config: cache(tier) });
const cpOwner = (id: unknown = cp.id) => ({ kind: 'control-plane', control_plane_id: id, control_plane_geo: 'us' });
const reasons = (reply: { body: Body }) => (reply.body.invalid_parameters as unknown as Body[]).map((item) => item.reason);

describe('add-ons (managed cache)', () => {
  it('goes ready with vault-reference metadata and creates the konnect-managed partial', async () => {
    const network = await createNetwork(h);
    h.clock.advance(1000);
    await h.call('PUT', '/cloud-gateways/configurations', configurationBody(cp.id, network.id));
    const created = await create('payments-cache', cpOwner());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'payments-cache', state: 'initializing', entity_version: 1, owner: cpOwner() });
    expect(created.body.config?.data_plane_groups).toEqual([expect.objectContaining({ provider: 'aws', region: 'us-east-2', state: 'initializing' })]);
    const before = await h.call('GET', `/control-planes/${cp.id}/core-entities/partials`);
    expect(items(before)).toEqual([]);
    h.clock.advance(1000);
    const ready = await h.call('GET', `/cloud-gateways/add-ons/${created.body.id}`);
    expect(ready.body.state).toBe('ready');
    expect(ready.body.config?.state_metadata).toMatchObject({
      cache_host: '{vault://env/ADDON_MANAGED_CACHE_HOST}',
      cache_port: '{vault://env/ADDON_MANAGED_CACHE_PORT}',
      cloud_authentication: { auth_provider: '{vault://env/ADDON_MANAGED_CACHE_AUTH_PROVIDER}' },
    });
    const partials = items(await h.call('GET', `/control-planes/${cp.id}/core-entities/partials`));
    expect(partials.map((partial) => partial.name)).toEqual([`konnect-managed-${created.body.id}`]);
  });

  it('names are 1–70 characters and unique per org', async () => {
    await create('cache', cpOwner());
    const other = await createControlPlane(h, { name: 'orders', cloud_gateway: true });
    const duplicate = await create('cache', cpOwner(other.id));
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.detail).toBe("Add on property 'name' must be unique per org.");
    expect((await create('x'.repeat(71), cpOwner(other.id))).body.invalid_parameters).toEqual([expect.objectContaining({ field: 'name', rule: 'max_length' })]);
  });

  it('needs an existing owner, one cache per owner, and an enabled tier', async () => {
    const missing = await create('cache', cpOwner('00000000-0000-4000-8000-000000000000'));
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toBe("Invalid owner: Control plane '00000000-0000-4000-8000-000000000000' not found in geo 'us'");
    await create('cache', cpOwner());
    const second = await create('cache-2', cpOwner());
    expect(second.status).toBe(400);
    expect(reasons(second)[0]).toMatch(/already has an add-on of kind 'managed-cache.v0'/);
    const other = await createControlPlane(h, { name: 'orders', cloud_gateway: true });
    const tooBig = await create('big', cpOwner(other.id), '8xlarge');
    expect(tooBig.status).toBe(400);
    expect(reasons(tooBig)[0]).toBe(
      "Cache tier '8xlarge' is not available. Available tiers: micro, small, medium, large, xlarge, 2xlarge, 4xlarge. Please contact support or sales to select larger sizes.",
    );
    expect((await create('biggest-allowed', cpOwner(other.id), '4xlarge')).status).toBe(201);
  });

  it('refuses an owner whose data plane groups run on GCP', async () => {
    const network = await createNetwork(h, {
      name: 'gcp-net',
      cloud_gateway_provider_account_id: await providerAccountId(h, 'gcp'),
      region: 'us-central1',
      availability_zones: ['us-central1-a', 'us-central1-b'],
      cidr_block: '10.90.0.0/22',
    });
    await h.call('PUT', '/cloud-gateways/configurations', {
      ...configurationBody(cp.id, network.id),
      dataplane_groups: [{ provider: 'gcp', region: 'us-central1', cloud_gateway_network_id: network.id, autoscale: { kind: 'autopilot', base_rps: 1 } }],
    });
    const refused = await create('cache', cpOwner());
    expect(refused.status).toBe(400);
    expect(reasons(refused)[0]).toMatch(/has unsupported provider 'gcp'\. Provider is not supported for managed cache add-ons\.$/);
  });

  it('PATCH takes only config: upgrades, refuses the same tier and downgrades', async () => {
    const created = await create('cache', cpOwner(), 'medium');
    const same = await h.call('PATCH', `/cloud-gateways/add-ons/${created.body.id}`, { config: cache('medium') });
    expect(same.status).toBe(400);
    expect(same.body.invalid_parameters).toEqual([
      { field: 'config.capacity_config.tier', rule: 'invalid', reason: 'Proposed tier is identical to existing tier.', source: 'body' },
    ]);
    const down = await h.call('PATCH', `/cloud-gateways/add-ons/${created.body.id}`, { config: cache('small') });
    expect(reasons(down)).toEqual(['Cache tier downgrade is not supported.']);
    const rename = await h.call('PATCH', `/cloud-gateways/add-ons/${created.body.id}`, { name: 'x', config: cache('large') });
    expect(rename.body.invalid_parameters).toEqual([expect.objectContaining({ field: 'name', rule: 'unknown_property' })]);
    const up = await h.call('PATCH', `/cloud-gateways/add-ons/${created.body.id}`, { config: cache('large') });
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ state: 'initializing', entity_version: 2, config: { capacity_config: { tier: 'large' } } });
  });

  it('DELETE is refused while a plugin uses the cache partial, then terminates', async () => {
    const created = await create('cache', cpOwner());
    h.clock.advance(1000);
    await h.call('GET', `/cloud-gateways/add-ons/${created.body.id}`);
    const [partial] = items(await h.call('GET', `/control-planes/${cp.id}/core-entities/partials`));
    const plugin = await h.call('POST', `/control-planes/${cp.id}/core-entities/plugins`, {
      name: 'rate-limiting-advanced',
      config: { limit: [10], window_size: [60], strategy: 'redis' },
      partials: [{ id: partial?.id }],
    });
    expect(plugin.status).toBe(201);
    const refused = await h.call('DELETE', `/cloud-gateways/add-ons/${created.body.id}`);
    expect(refused.status).toBe(400);
    expect(reasons(refused)[0]).toMatch(/^Managed cache add-on has 1 linked plugin\(s\) that must be removed before deletion\. Cache config ID: '[0-9a-f-]+'\.$/);
    await h.call('DELETE', `/control-planes/${cp.id}/core-entities/plugins/${plugin.body.id}`);
    expect((await h.call('DELETE', `/cloud-gateways/add-ons/${created.body.id}`)).status).toBe(204);
    expect((await h.call('GET', `/cloud-gateways/add-ons/${created.body.id}`)).body.state).toBe('terminating');
    h.clock.advance(1000);
    expect((await h.call('GET', `/cloud-gateways/add-ons/${created.body.id}`)).status).toBe(404);
  });

  it('a PATCH while terminating is refused and does not cancel the delete', async () => {
    const created = await create('cache', cpOwner());
    h.clock.advance(1000);
    expect((await h.call('DELETE', `/cloud-gateways/add-ons/${created.body.id}`)).status).toBe(204);
    const patched = await h.call('PATCH', `/cloud-gateways/add-ons/${created.body.id}`, { config: cache('large') });
    expect(patched.status).toBe(400);
    expect(patched.body.invalid_parameters).toEqual([expect.objectContaining({ field: 'id', source: 'path' })]);
    h.clock.advance(1000);
    expect((await h.call('GET', `/cloud-gateways/add-ons/${created.body.id}`)).status).toBe(404);
  });

  it('a group owner: checks the group exists and looks at every member before DELETE', async () => {
    const group = await createControlPlane(h, { name: 'platform', cluster_type: 'CLUSTER_TYPE_CONTROL_PLANE_GROUP', cloud_gateway: true });
    const member = await createControlPlane(h, { name: 'member' });
    await h.call('PUT', `/control-planes/${group.id}/group-memberships`, { members: [{ id: member.id }] });
    const groupOwner = { kind: 'control-plane-group', control_plane_group_id: group.id, control_plane_group_geo: 'us' };
    expect((await create('wrong-kind', { ...groupOwner, control_plane_group_id: member.id })).status).toBe(404);
    const created = await create('shared-cache', groupOwner);
    expect(created.status).toBe(201);
    h.clock.advance(1000);
    expect(items(await h.call('GET', `/control-planes/${member.id}/core-entities/partials`))).toEqual([]);
    const partial = await h.call('POST', `/control-planes/${member.id}/core-entities/partials`, {
      name: 'konnect-managed',
      type: 'redis-ee',
      config: { host: '{vault://env/ADDON_MANAGED_CACHE_HOST}', port: 6379 },
    });
    expect(partial.status).toBe(201);
    await h.call('POST', `/control-planes/${member.id}/core-entities/plugins`, {
      name: 'rate-limiting-advanced',
      config: { limit: [10], window_size: [60], strategy: 'redis' },
      partials: [{ id: partial.body.id }],
    });
    expect((await h.call('DELETE', `/cloud-gateways/add-ons/${created.body.id}`)).status).toBe(400);
  });

  it('lists with owner and state filters', async () => {
    const other = await createControlPlane(h, { name: 'orders', cloud_gateway: true });
    await create('a-cache', cpOwner());
    await create('b-cache', cpOwner(other.id));
    const names = async (query: string) => items(await h.call('GET', `/cloud-gateways/add-ons?${query}`)).map((a) => a.name);
    expect(await names(`filter[owner.control_plane_id][eq]=${other.id}`)).toEqual(['b-cache']);
    expect(await names('filter[name][contains]=cache')).toEqual(['a-cache', 'b-cache']);
    expect(await names('filter[state][eq]=initializing')).toHaveLength(2);
    expect(await names('filter[config.kind][eq]=managed-cache.v0')).toHaveLength(2);
  });
});
