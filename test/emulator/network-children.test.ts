import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNetwork, harness, items, type Body, type Harness } from './helpers.js';

let h: Harness;
let network: Body;
beforeEach(async () => {
  h = await harness({ provisionMs: 1000 });
  network = await createNetwork(h);
  h.clock.advance(1000);
});
afterEach(async () => {
  await h.emulator.stop();
});

const tgwPath = () => `/cloud-gateways/networks/${network.id}/transit-gateways`;
const dnsPath = () => `/cloud-gateways/networks/${network.id}/private-dns`;
const awsTgw = { kind: 'aws-transit-gateway-attachment', transit_gateway_id: 'tgw-0abc', ram_share_arn: 'arn:aws:ram:us-east-2:123456789012:resource-share/x' };

describe('transit gateways', () => {
  it('creates an AWS TGW attachment with a server-filled attachment_id and provisions it', async () => {
    const created = await h.call('POST', tgwPath(), { name: 'tgw', cidr_blocks: ['10.0.0.0/16'], transit_gateway_attachment_config: awsTgw });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'tgw', state: 'initializing', dns_config: [], cidr_blocks: ['10.0.0.0/16'] });
    expect(String(created.body.transit_gateway_attachment_config?.attachment_id)).toMatch(/^tgw-attach-/);
    expect((await h.call('GET', `/cloud-gateways/networks/${network.id}`)).body.transit_gateway_count).toBe(1);
    h.clock.advance(1000);
    expect((await h.call('GET', `${tgwPath()}/${created.body.id}`)).body.state).toBe('ready');
  });

  it('fills peering_connection_id for VPC peering and requires cidr_blocks for it', async () => {
    const peering = { kind: 'aws-vpc-peering-attachment', peer_account_id: '1', peer_vpc_id: 'vpc-1', peer_vpc_region: 'us-east-2' };
    const missing = await h.call('POST', tgwPath(), { name: 'peer', transit_gateway_attachment_config: peering });
    expect(missing.body.invalid_parameters).toEqual([expect.objectContaining({ field: 'cidr_blocks', rule: 'required' })]);
    const created = await h.call('POST', tgwPath(), { name: 'peer', cidr_blocks: ['10.1.0.0/16'], transit_gateway_attachment_config: peering });
    expect(String(created.body.transit_gateway_attachment_config?.peering_connection_id)).toMatch(/^pcx-/);
  });

  it('validates the attachment variant, its provider and the name', async () => {
    const unknownKind = await h.call('POST', tgwPath(), { name: 'x', transit_gateway_attachment_config: { kind: 'carrier-pigeon' } });
    expect(unknownKind.status).toBe(400);
    const missingField = await h.call('POST', tgwPath(), { name: 'x', cidr_blocks: [], transit_gateway_attachment_config: { kind: 'aws-transit-gateway-attachment', transit_gateway_id: 't' } });
    expect(missingField.body.invalid_parameters).toEqual([expect.objectContaining({ field: 'transit_gateway_attachment_config.ram_share_arn', rule: 'required' })]);
    const azureOnAws = await h.call('POST', tgwPath(), {
      name: 'x',
      transit_gateway_attachment_config: { kind: 'gcp-vpc-peering-attachment', peer_project_id: 'p', peer_vpc_name: 'v' },
    });
    expect(azureOnAws.status).toBe(400);
    await h.call('POST', tgwPath(), { name: 'tgw', cidr_blocks: ['10.0.0.0/16'], transit_gateway_attachment_config: awsTgw });
    expect((await h.call('POST', tgwPath(), { name: 'tgw', cidr_blocks: ['10.0.0.0/16'], transit_gateway_attachment_config: awsTgw })).status).toBe(409);
  });

  it('PATCH changes only an AWS TGW’s cidr_blocks and a resource endpoint’s resource_config', async () => {
    const tgw = await h.call('POST', tgwPath(), { name: 'tgw', cidr_blocks: ['10.0.0.0/16'], transit_gateway_attachment_config: awsTgw });
    const patched = await h.call('PATCH', `${tgwPath()}/${tgw.body.id}`, { cidr_blocks: ['10.0.0.0/16', '10.9.0.0/16'] });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ cidr_blocks: ['10.0.0.0/16', '10.9.0.0/16'], entity_version: 2 });
    expect((await h.call('PATCH', `${tgwPath()}/${tgw.body.id}`, { name: 'renamed' })).status).toBe(400);
    const endpoint = await h.call('POST', tgwPath(), {
      name: 'endpoint',
      transit_gateway_attachment_config: { kind: 'aws-resource-endpoint-attachment', ram_share_arn: 'arn:x', resource_config: [] },
    });
    expect((await h.call('PATCH', `${tgwPath()}/${endpoint.body.id}`, { cidr_blocks: ['10.0.0.0/16'] })).status).toBe(400);
    const resources = await h.call('PATCH', `${tgwPath()}/${endpoint.body.id}`, {
      transit_gateway_attachment_config: { kind: 'aws-resource-endpoint-attachment', resource_config: [{ resource_config_id: 'rcfg-1', domain_name: 'db.internal' }] },
    });
    expect(resources.status).toBe(200);
    expect(resources.body.transit_gateway_attachment_config?.resource_config).toEqual([{ resource_config_id: 'rcfg-1', domain_name: 'db.internal', state: 'initializing' }]);
  });

  it('needs a ready network and deletes through terminating', async () => {
    const young = await createNetwork(h, { name: 'young', cidr_block: '10.80.0.0/22' });
    expect((await h.call('POST', `/cloud-gateways/networks/${young.id}/transit-gateways`, { name: 't', cidr_blocks: [], transit_gateway_attachment_config: awsTgw })).status).toBe(400);
    const tgw = await h.call('POST', tgwPath(), { name: 'tgw', cidr_blocks: ['10.0.0.0/16'], transit_gateway_attachment_config: awsTgw });
    expect((await h.call('DELETE', `${tgwPath()}/${tgw.body.id}`)).status).toBe(204);
    expect((await h.call('GET', `${tgwPath()}/${tgw.body.id}`)).body.state).toBe('terminating');
    h.clock.advance(1000);
    expect((await h.call('GET', `${tgwPath()}/${tgw.body.id}`)).status).toBe(404);
    expect(items(await h.call('GET', tgwPath()))).toEqual([]);
  });

  it('refuses a PATCH while terminating, so the delete still completes', async () => {
    const tgw = await h.call('POST', tgwPath(), { name: 'tgw', cidr_blocks: ['10.0.0.0/16'], transit_gateway_attachment_config: awsTgw });
    h.clock.advance(1000);
    expect((await h.call('DELETE', `${tgwPath()}/${tgw.body.id}`)).status).toBe(204);
    const patched = await h.call('PATCH', `${tgwPath()}/${tgw.body.id}`, { cidr_blocks: ['10.1.0.0/16'] });
    expect(patched.status).toBe(409);
    expect(patched.headers.get('content-type')).toBe('application/problem+json');
    h.clock.advance(1000);
    expect((await h.call('GET', `${tgwPath()}/${tgw.body.id}`)).status).toBe(404);
  });
});

describe('private DNS', () => {
  it('creates each variant; PATCH changes only name and a resolver’s dns_config', async () => {
    const zone = await h.call('POST', dnsPath(), { name: 'zone', private_dns_attachment_config: { kind: 'aws-private-hosted-zone-attachment', hosted_zone_id: 'Z123' } });
    expect(zone.status).toBe(201);
    expect(zone.body.state).toBe('initializing');
    const resolver = await h.call('POST', dnsPath(), {
      name: 'resolver',
      private_dns_attachment_config: { kind: 'aws-outbound-resolver', dns_config: { 'corp.internal': { remote_dns_server_ip_addresses: ['10.0.0.2'] } } },
    });
    expect(resolver.status).toBe(201);
    const renamed = await h.call('PATCH', `${dnsPath()}/${zone.body.id}`, { name: 'zone-2' });
    expect(renamed.body.name).toBe('zone-2');
    const zoneConfig = await h.call('PATCH', `${dnsPath()}/${zone.body.id}`, {
      private_dns_attachment_config: { kind: 'aws-outbound-resolver', dns_config: {} },
    });
    expect(zoneConfig.status).toBe(400);
    const dns = { 'corp.internal': { remote_dns_server_ip_addresses: ['10.0.0.3'] } };
    const patched = await h.call('PATCH', `${dnsPath()}/${resolver.body.id}`, { private_dns_attachment_config: { kind: 'aws-outbound-resolver', dns_config: dns } });
    expect(patched.status).toBe(200);
    expect(patched.body.private_dns_attachment_config?.dns_config).toEqual(dns);
    h.clock.advance(1000);
    const states = items(await h.call('GET', `${dnsPath()}?filter[state][eq]=ready`)).map((item) => item.name);
    expect(states.sort()).toEqual(['resolver', 'zone-2']);
  });
});
