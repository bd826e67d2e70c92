import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configurationBody, createControlPlane, createNetwork, harness, items, type Body, type Harness } from './helpers.js';

let h: Harness;
let cp: Body;
let network: Body;
beforeEach(async () => {
  h = await harness({ provisionMs: 1000 });
  cp = await createControlPlane(h, { name: 'payments', cloud_gateway: true });
  network = await createNetwork(h);
  h.clock.advance(1000);
});
afterEach(async () => {
  await h.emulator.stop();
});

const put = (body: unknown) => h.call('PUT', '/cloud-gateways/configurations', body);
const groups = (reply: { body: Body }) => reply.body.dataplane_groups as unknown as Body[];

describe('cloud gateway configurations', () => {
  it('PUT answers 200 with the desired config echoed and groups provisioning', async () => {
    const reply = await put(configurationBody(cp.id, network.id));
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ control_plane_id: cp.id, control_plane_geo: 'us', version: '3.11', kind: 'dedicated.v0', api_access: 'private+public', entity_version: 1 });
    expect(reply.body.dataplane_group_config).toEqual([
      { provider: 'aws', region: 'us-east-2', cloud_gateway_network_id: network.id, autoscale: { kind: 'autopilot', base_rps: 100, max_rps: 1000 } },
    ]);
    const [group] = groups(reply);
    expect(group).toMatchObject({ provider: 'aws', region: 'us-east-2', state: 'initializing', private_ip_addresses: [], egress_ip_addresses: [] });
    h.clock.advance(1000);
    const read = await h.call('GET', `/cloud-gateways/configurations/${reply.body.id}`);
    const [ready] = groups(read);
    expect(ready).toMatchObject({ id: group?.id, state: 'ready' });
    expect(ready?.private_ip_addresses).toHaveLength(3);
    expect(ready?.egress_ip_addresses).toHaveLength(3);
  });

  it('answers 409 to an identical configuration and gives each accepted PUT a new id', async () => {
    const first = await put(configurationBody(cp.id, network.id));
    const same = await put(configurationBody(cp.id, network.id));
    expect(same.status).toBe(409);
    expect(same.body).toMatchObject({
      status: 409,
      title: 'Conflict',
      detail: 'Proposed cloud gateway configuration and current cloud gateway configuration are identical.',
    });
    const changed = await put(configurationBody(cp.id, network.id, { environment: [{ name: 'KONG_LOG_LEVEL', value: 'debug' }] }));
    expect(changed.status).toBe(200);
    expect(changed.body.id).not.toBe(first.body.id);
    expect(changed.body.entity_version).toBe(2);
    // The same group (same network) keeps its id and re-provisions.
    expect(groups(changed)[0]?.id).toBe(groups(first)[0]?.id);
    expect(groups(changed)[0]?.state).toBe('initializing');
    expect((await h.call('GET', `/cloud-gateways/configurations/${first.body.id}`)).status).toBe(404);
  });

  it('replaces: a dropped group terminates then disappears; an empty list deletes the configuration', async () => {
    const second = await createNetwork(h, { name: 'prod-usw2', region: 'us-west-2', availability_zones: ['usw2-az1', 'usw2-az2'], cidr_block: '10.60.0.0/22' });
    const both = configurationBody(cp.id, network.id);
    both.dataplane_groups.push({ provider: 'aws', region: 'us-west-2', cloud_gateway_network_id: String(second.id), autoscale: { kind: 'autopilot', base_rps: 100 } });
    expect((await put(both)).status).toBe(200);
    h.clock.advance(1000);
    const one = await put(configurationBody(cp.id, network.id));
    const states = groups(one).map((group) => `${group.region}:${group.state}`).sort();
    expect(states).toEqual(['us-east-2:ready', 'us-west-2:terminating']);
    h.clock.advance(1000);
    expect(groups(await h.call('GET', `/cloud-gateways/configurations/${one.body.id}`)).map((group) => group.region)).toEqual(['us-east-2']);
    const emptied = await put({ control_plane_id: cp.id, control_plane_geo: 'us', version: '3.11', dataplane_groups: [] });
    expect(emptied.status).toBe(200);
    expect(groups(emptied).map((group) => group.state)).toEqual(['terminating']);
    h.clock.advance(1000);
    expect(items(await h.call('GET', '/cloud-gateways/configurations'))).toEqual([]);
  });

  it('requires an existing cloud-gateway control plane and existing networks', async () => {
    const missing = await put(configurationBody('00000000-0000-4000-8000-000000000000', network.id));
    expect(missing.status).toBe(404);
    const plain = await createControlPlane(h, { name: 'self-managed' });
    const notCloud = await put(configurationBody(plain.id, network.id));
    expect(notCloud.status).toBe(400);
    expect(notCloud.body.invalid_parameters).toEqual([expect.objectContaining({ field: 'control_plane_id' })]);
    const noNetwork = await put(configurationBody(cp.id, '00000000-0000-4000-8000-000000000000'));
    expect(noNetwork.status).toBe(400);
    expect(noNetwork.body.invalid_parameters).toEqual([expect.objectContaining({ field: 'dataplane_groups.0.cloud_gateway_network_id', rule: 'missing_reference' })]);
    const wrongRegion = await put({ ...configurationBody(cp.id, network.id), dataplane_groups: [{ provider: 'aws', region: 'eu-west-1', cloud_gateway_network_id: network.id, autoscale: { kind: 'autopilot', base_rps: 1 } }] });
    expect(wrongRegion.status).toBe(400);
  });

  it('validates the body: env var names, unknown properties, autoscale', async () => {
    const env = await put(configurationBody(cp.id, network.id, { environment: [{ name: 'PATH_X', value: '1' }] }));
    expect(env.status).toBe(400);
    expect(env.body.invalid_parameters).toEqual([expect.objectContaining({ field: 'dataplane_groups.0.environment.0.name', rule: 'matches_regex' })]);
    const unknown = await put({ ...configurationBody(cp.id, network.id), name: 'x' });
    expect(unknown.body.invalid_parameters).toEqual([expect.objectContaining({ field: 'name', rule: 'unknown_property', reason: 'property name should not exist' })]);
    const extraInGroup = await put(configurationBody(cp.id, network.id, { network: 'prod' }));
    expect(extraInGroup.body.invalid_parameters).toEqual([expect.objectContaining({ field: 'dataplane_groups.0.network', rule: 'unknown_property' })]);
    const rps = await put({ ...configurationBody(cp.id, network.id), dataplane_groups: [{ provider: 'aws', region: 'us-east-2', cloud_gateway_network_id: network.id, autoscale: { kind: 'autopilot', base_rps: 1.5 } }] });
    expect(rps.body.invalid_parameters).toEqual([expect.objectContaining({ field: 'dataplane_groups.0.autoscale.base_rps', rule: 'is_integer' })]);
    const access = await put({ ...configurationBody(cp.id, network.id), api_access: 'everyone' });
    expect(access.body.invalid_parameters).toEqual([expect.objectContaining({ field: 'api_access', rule: 'enum', choices: ['private', 'public', 'private+public'] })]);
  });

  it('moves an offline network it references to initializing', async () => {
    const offline = await createNetwork(h, { name: 'cold', cidr_block: '10.70.0.0/22', state: 'offline' });
    await put(configurationBody(cp.id, offline.id));
    expect((await h.call('GET', `/cloud-gateways/networks/${offline.id}`)).body.state).toBe('initializing');
  });

  it('lists with control-plane filters', async () => {
    const other = await createControlPlane(h, { name: 'orders', cloud_gateway: true });
    await put(configurationBody(cp.id, network.id));
    await put(configurationBody(other.id, network.id));
    const filtered = await h.call('GET', `/cloud-gateways/configurations?filter[control_plane_id][eq]=${other.id}`);
    expect(items(filtered).map((c) => c.control_plane_id)).toEqual([other.id]);
    expect(filtered.body.meta).toEqual({ page: { number: 1, size: 10, total: 1 } });
    expect(items(await h.call('GET', `/cloud-gateways/configurations?filter[control_plane_id][neq]=${other.id}`))).toHaveLength(1);
  });
});
