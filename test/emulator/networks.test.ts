import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configurationBody, createControlPlane, createNetwork, harness, items, providerAccountId, type Harness, type Reply } from './helpers.js';

let h: Harness;
beforeEach(async () => {
  h = await harness({ provisionMs: 1000 });
});
afterEach(async () => {
  await h.emulator.stop();
});

async function attempt(overrides: Record<string, unknown>, provider = 'aws') {
  return h.call('POST', '/cloud-gateways/networks', {
    name: 'net',
    cloud_gateway_provider_account_id: await providerAccountId(h, provider),
    region: 'us-east-2',
    availability_zones: ['use2-az1', 'use2-az2', 'use2-az3'],
    cidr_block: '10.42.0.0/22',
    ...overrides,
  });
}
const rules = (reply: Reply) =>
  (reply.body.invalid_parameters as unknown as Array<{ field: string; rule: string }>).map((item) => `${item.field}:${item.rule}`);

describe('networks', () => {
  it('goes initializing → ready after provisionMs, with provider metadata', async () => {
    const network = await createNetwork(h);
    expect(network).toMatchObject({ state: 'initializing', default: false, entity_version: 1, provider_metadata: {}, transit_gateway_count: 0, configuration_reference_count: 0 });
    h.clock.advance(999);
    expect((await h.call('GET', `/cloud-gateways/networks/${network.id}`)).body.state).toBe('initializing');
    h.clock.advance(1);
    const ready = await h.call('GET', `/cloud-gateways/networks/${network.id}`);
    expect(ready.body.state).toBe('ready');
    expect(String(ready.body.provider_metadata?.vpc_id)).toMatch(/^vpc-/);
    expect(ready.body.provider_metadata?.subnet_ids).toHaveLength(3);
  });

  it('can be created offline', async () => {
    const reply = await attempt({ state: 'offline' });
    expect(reply.body.state).toBe('offline');
    h.clock.advance(5000);
    expect((await h.call('GET', `/cloud-gateways/networks/${reply.body.id}`)).body.state).toBe('offline');
  });

  it('validates region, zones and CIDR against availability.json and the documented rules', async () => {
    expect(rules(await attempt({ region: 'mars-1' }))).toEqual(['region:is_supported_provider_region']);
    expect(rules(await attempt({ availability_zones: ['use2-az9'] }))).toEqual(['availability_zones:is_supported_network_availability_zone_list']);
    const cidr = (block: string, zones = ['use2-az1', 'use2-az2']) => attempt({ cidr_block: block, availability_zones: zones });
    expect(rules(await cidr('10.0.0.0/15'))).toEqual(['cidr_block:is_supported_network_cidr_block']);
    expect(rules(await cidr('10.0.0.0/24'))).toEqual(['cidr_block:is_supported_network_cidr_block']);
    expect(rules(await cidr('8.8.0.0/22'))).toEqual(['cidr_block:is_supported_network_cidr_block']);
    expect(rules(await cidr('10.100.0.0/22'))).toEqual(['cidr_block:is_supported_network_cidr_block']);
    expect(rules(await cidr('10.42.0.1/22'))).toEqual(['cidr_block:is_supported_network_cidr_block']);
    expect(rules(await cidr('10.42.0.0/23', ['use2-az1', 'use2-az2', 'use2-az3']))).toEqual(['cidr_block:is_supported_network_cidr_block']);
    expect((await cidr('10.42.0.0/23')).status).toBe(201);
    const azure = await attempt({ name: 'az', region: 'eastus', availability_zones: ['eastus-az1', 'eastus-az2'], cidr_block: '10.50.0.0/22' }, 'azure');
    expect(rules(azure)).toEqual(['cidr_block:is_supported_network_cidr_block']);
  });

  it('rejects unknown properties and a missing field with Invalid Request', async () => {
    const reply = await attempt({ id: 'x', cidr_block: undefined });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ title: 'Invalid Request', detail: 'Invalid Parameters' });
    expect(rules(reply).sort()).toEqual(['cidr_block:required', 'id:unknown_property']);
    const long = await attempt({ name: 'x'.repeat(121) });
    expect(long.body.invalid_parameters).toEqual([
      { field: 'name', rule: 'max_length', maximum: 120, reason: 'name must be shorter than or equal to 120 characters', source: 'body' },
    ]);
  });

  it('answers 403 Quota Exceeded past the org’s network quota (offline networks do not count)', async () => {
    for (let i = 0; i < 10; i++) await createNetwork(h, { name: `net-${i}`, cidr_block: `10.${10 + i}.0.0/22` });
    expect((await attempt({ name: 'cold', cidr_block: '10.30.0.0/22', state: 'offline' })).status).toBe(201);
    const over = await attempt({ name: 'one-too-many', cidr_block: '10.31.0.0/22' });
    expect(over.status).toBe(403);
    expect(over.body).toMatchObject({ title: 'Quota Exceeded', detail: 'Maximum number of Networks exceeded. Max allowed: 10.' });
  });

  it('refuses a duplicate name with 409', async () => {
    await createNetwork(h);
    expect((await attempt({ name: 'prod-use2', cidr_block: '10.43.0.0/22' })).status).toBe(409);
  });

  it('PATCH renames; any other field is rejected', async () => {
    const network = await createNetwork(h);
    const renamed = await h.call('PATCH', `/cloud-gateways/networks/${network.id}`, { name: 'renamed' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'renamed', entity_version: 2 });
    const refused = await h.call('PATCH', `/cloud-gateways/networks/${network.id}`, { cidr_block: '10.43.0.0/22' });
    expect(refused.status).toBe(400);
    expect(rules(refused)).toEqual(['cidr_block:unknown_property']);
  });

  it('lists with pagination and filters', async () => {
    await createNetwork(h, { name: 'a-net', cidr_block: '10.1.0.0/22' });
    await createNetwork(h, { name: 'b-net', cidr_block: '10.2.0.0/22', state: 'offline' });
    const names = async (query: string) => items(await h.call('GET', `/cloud-gateways/networks?${query}`)).map((n) => n.name);
    expect(await names('filter[name][contains]=net')).toEqual(['a-net', 'b-net']);
    expect(await names('filter[state][eq]=offline')).toEqual(['b-net']);
    expect(await names('filter[name][ocontains]=zz,b-')).toEqual(['b-net']);
    const page = await h.call('GET', '/cloud-gateways/networks?page[size]=1&page[number]=2');
    expect(items(page).map((n) => n.name)).toEqual(['b-net']);
    expect(page.body.meta).toEqual({ page: { number: 2, size: 1, total: 2 } });
  });

  it('refuses DELETE while a configuration references it, then terminates', async () => {
    const cp = await createControlPlane(h, { name: 'payments', cloud_gateway: true });
    const network = await createNetwork(h);
    h.clock.advance(1000);
    expect((await h.call('PUT', '/cloud-gateways/configurations', configurationBody(cp.id, network.id))).status).toBe(200);
    const read = await h.call('GET', `/cloud-gateways/networks/${network.id}`);
    expect(read.body.configuration_reference_count).toBe(1);
    const references = await h.call('GET', `/cloud-gateways/networks/${network.id}/configuration-references`);
    expect(items(references).map((c) => c.control_plane_id)).toEqual([cp.id]);
    const refused = await h.call('DELETE', `/cloud-gateways/networks/${network.id}`);
    expect(refused.status).toBe(400);
    expect(refused.body.invalid_parameters).toEqual([expect.objectContaining({ field: 'id', source: 'path' })]);
    await h.call('PUT', '/cloud-gateways/configurations', { control_plane_id: cp.id, control_plane_geo: 'us', dataplane_groups: [], version: '3.11' });
    expect((await h.call('DELETE', `/cloud-gateways/networks/${network.id}`)).status).toBe(204);
    expect((await h.call('GET', `/cloud-gateways/networks/${network.id}`)).body.state).toBe('terminating');
    h.clock.advance(1000);
    expect((await h.call('GET', `/cloud-gateways/networks/${network.id}`)).status).toBe(404);
  });
});
