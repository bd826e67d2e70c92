import { expect } from 'vitest';
import type { JsonObject } from '../../src/model/json.js';
import type { Session } from './sessions.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A Dedicated Cloud Gateway rollout over the platform APIs, as konsync drives it; 2xx asserted on the way. */
export async function platformScenario(session: Session): Promise<void> {
  const ok = async (method: string, path: string, body?: unknown): Promise<JsonObject> => {
    const reply = await session.send(method, path, body);
    expect(reply.status, `${method} ${path}: ${JSON.stringify(reply.body)}`).toBeLessThan(300);
    return reply.body;
  };
  const until = async (path: string, ready: (body: JsonObject) => boolean): Promise<JsonObject> => {
    for (let i = 0; i < 60; i++) {
      const body = await ok('GET', path);
      if (ready(body)) return body;
      await sleep(50);
    }
    throw new Error(`${path} never became ready`);
  };
  const id = (body: JsonObject): string => String(body.id);
  const data = (body: JsonObject): JsonObject[] => body.data as JsonObject[];

  await ok('GET', '/cloud-gateways/availability.json');
  const accounts = data(await ok('GET', '/cloud-gateways/provider-accounts'));
  const aws = accounts.find((account) => account.provider === 'aws');
  expect(aws).toBeDefined();
  await ok('GET', `/cloud-gateways/provider-accounts/${id(aws as JsonObject)}`);
  for (const path of ['resource-quotas', 'default-resource-quotas', 'resource-configurations', 'default-resource-configurations']) {
    await ok('GET', `/cloud-gateways/${path}`);
  }

  const cp = await ok('POST', '/control-planes', {
    name: 'payments',
    description: 'payments team',
    cluster_type: 'CLUSTER_TYPE_CONTROL_PLANE',
    cloud_gateway: true,
    labels: { team: 'payments' },
    proxy_urls: [{ host: 'api.example.com', port: 443, protocol: 'https' }],
  });
  await ok('GET', `/control-planes/${id(cp)}`);
  await ok('GET', '/control-planes?filter[name][eq]=payments');
  await ok('GET', '/control-planes?page[size]=1&page[number]=1');
  await ok('PATCH', `/control-planes/${id(cp)}`, { description: 'payments team (prod)', labels: { team: 'payments', env: 'prod' } });
  const member = await ok('POST', '/control-planes', { name: 'member', cluster_type: 'CLUSTER_TYPE_CONTROL_PLANE', cloud_gateway: false });
  const group = await ok('POST', '/control-planes', { name: 'platform', cluster_type: 'CLUSTER_TYPE_CONTROL_PLANE_GROUP', cloud_gateway: true });
  await ok('POST', `/control-planes/${id(group)}/group-memberships/add`, { members: [{ id: id(member) }] });
  await ok('GET', `/control-planes/${id(group)}/group-memberships`);
  await ok('GET', `/control-planes/${id(group)}/group-status`);
  await ok('GET', `/control-planes/${id(member)}/group-member-status`);
  await ok('PUT', `/control-planes/${id(group)}/group-memberships`, { members: [{ id: id(member) }] });
  await ok('POST', `/control-planes/${id(group)}/group-memberships/remove`, { members: [{ id: id(member) }] });

  const network = await ok('POST', '/cloud-gateways/networks', {
    name: 'prod-use2',
    cloud_gateway_provider_account_id: id(aws as JsonObject),
    region: 'us-east-2',
    availability_zones: ['use2-az1', 'use2-az2', 'use2-az3'],
    cidr_block: '10.42.0.0/16',
  });
  await ok('GET', '/cloud-gateways/networks');
  await until(`/cloud-gateways/networks/${id(network)}`, (body) => body.state === 'ready');
  await ok('PATCH', `/cloud-gateways/networks/${id(network)}`, { name: 'prod-use2-main' });
  await ok('GET', `/cloud-gateways/networks/${id(network)}/configuration-references`);

  const tgwPath = `/cloud-gateways/networks/${id(network)}/transit-gateways`;
  const tgw = await ok('POST', tgwPath, {
    name: 'tgw',
    cidr_blocks: ['10.0.0.0/8'],
    transit_gateway_attachment_config: {
      kind: 'aws-transit-gateway-attachment',
      transit_gateway_id: 'tgw-0123456789abcdef0',
      ram_share_arn: 'arn:aws:ram:us-east-2:123456789012:resource-share/4b7e2c8a-1234-5678-abcd-ef1234567890',
    },
  });
  await ok('GET', tgwPath);
  await ok('GET', `${tgwPath}/${id(tgw)}`);
  const dnsPath = `/cloud-gateways/networks/${id(network)}/private-dns`;
  const dns = await ok('POST', dnsPath, { name: 'zone', private_dns_attachment_config: { kind: 'aws-private-hosted-zone-attachment', hosted_zone_id: 'Z1D633PJN98FT9' } });
  await ok('GET', dnsPath);
  await ok('GET', `${dnsPath}/${id(dns)}`);

  const configuration = await ok('PUT', '/cloud-gateways/configurations', {
    control_plane_id: id(cp),
    control_plane_geo: 'us',
    version: '3.11',
    kind: 'dedicated.v0',
    api_access: 'private+public',
    dataplane_groups: [{ provider: 'aws', region: 'us-east-2', cloud_gateway_network_id: id(network), autoscale: { kind: 'autopilot', base_rps: 100 } }],
  });
  await ok('GET', '/cloud-gateways/configurations');
  await ok('GET', `/cloud-gateways/configurations/${id(configuration)}`);

  const domain = await ok('POST', '/cloud-gateways/custom-domains', { control_plane_id: id(cp), control_plane_geo: 'us', domain: 'api.example.com' });
  await ok('GET', '/cloud-gateways/custom-domains');
  await until(`/cloud-gateways/custom-domains/${id(domain)}`, (body) => body.state === 'ready');
  await ok('GET', `/cloud-gateways/custom-domains/${id(domain)}/online-status`);

  const addOn = await ok('POST', '/cloud-gateways/add-ons', {
    name: 'payments-cache',
    owner: { kind: 'control-plane', control_plane_id: id(cp), control_plane_geo: 'us' },
    config: { kind: 'managed-cache.v0', capacity_config: { kind: 'tiered', tier: 'micro' } },
  });
  await ok('GET', '/cloud-gateways/add-ons');
  await until(`/cloud-gateways/add-ons/${id(addOn)}`, (body) => body.state === 'ready');
  await ok('PATCH', `/cloud-gateways/add-ons/${id(addOn)}`, { config: { kind: 'managed-cache.v0', capacity_config: { kind: 'tiered', tier: 'small' } } });
  // The managed partial Konnect made for the add-on, read back through the core-entities API.
  await ok('GET', `/control-planes/${id(cp)}/core-entities/partials?tags=konnect-managed`);
  await ok('GET', `/control-planes/${id(cp)}/core-entities/snis`);

  await ok('DELETE', `/cloud-gateways/add-ons/${id(addOn)}`);
  await ok('DELETE', `/cloud-gateways/custom-domains/${id(domain)}`);
  await ok('DELETE', `${dnsPath}/${id(dns)}`);
  await ok('DELETE', `${tgwPath}/${id(tgw)}`);
  await ok('DELETE', `/control-planes/${id(member)}`);
}
