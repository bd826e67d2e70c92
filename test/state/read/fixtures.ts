import type { JsonObject } from '../../../src/model/json.js';
import type { DesiredState, GatewayScope } from '../../../src/model/state.js';
import type { Entity } from '../../../src/model/entity.js';

const core = (cp: string, collection: string) => `/control-planes/${cp}/core-entities/${collection}`;

/** Konnect-shaped objects: one org, control planes payments (cp-1), other (cp-2), group platform (cp-g). */
export function konnectData(): Record<string, JsonObject[]> {
  const cp = (id: string, name: string, type = 'CLUSTER_TYPE_CONTROL_PLANE'): JsonObject => ({
    id,
    name,
    description: '',
    labels: {},
    config: { cluster_type: type, auth_type: 'pinned_client_certs', cloud_gateway: true, proxy_urls: [], control_plane_endpoint: 'https://x' },
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-02T00:00:00Z',
  });
  const services = Array.from({ length: 1500 }, (_, i): JsonObject => ({ id: `s${i}`, name: `svc${i}`, host: `h${i}.internal`, port: 80, protocol: 'http', created_at: 1, updated_at: 2 + i }));
  return {
    '/cloud-gateways/provider-accounts': [{ id: 'pa-1', provider: 'aws', provider_account_id: '123', created_at: 'x', updated_at: 'y' }],
    '/control-planes': [cp('cp-1', 'payments'), cp('cp-2', 'other'), cp('cp-g', 'platform', 'CLUSTER_TYPE_CONTROL_PLANE_GROUP')],
    '/control-planes/cp-g/group-memberships': [cp('cp-1', 'payments')],
    '/cloud-gateways/networks': [
      { id: 'net-1', name: 'prod', cloud_gateway_provider_account_id: 'pa-1', region: 'us-east-2', availability_zones: ['use2-az1'], cidr_block: '10.0.0.0/22', state: 'ready', entity_version: 3 },
      { id: 'net-2', name: 'unused', cloud_gateway_provider_account_id: 'pa-1', region: 'us-east-2', availability_zones: ['use2-az1'], cidr_block: '10.1.0.0/22', state: 'ready', entity_version: 1 },
    ],
    '/cloud-gateways/networks/net-1/transit-gateways': [
      { id: 'tgw-1', name: 'tgw', cidr_blocks: ['10.9.0.0/16'], transit_gateway_attachment_config: { kind: 'aws-transit-gateway-attachment', transit_gateway_id: 'tgw-x', ram_share_arn: 'arn' }, state: 'ready', entity_version: 2 },
    ],
    '/cloud-gateways/networks/net-1/private-dns': [],
    '/cloud-gateways/networks/net-2/transit-gateways': [{ id: 'tgw-2', name: 'other-tgw', state: 'ready' }],
    '/cloud-gateways/networks/net-2/private-dns': [],
    '/cloud-gateways/configurations': [
      {
        id: 'conf-1',
        control_plane_id: 'cp-1',
        control_plane_geo: 'us',
        version: '3.11',
        kind: 'dedicated.v0',
        api_access: 'private+public',
        dataplane_group_config: [{ provider: 'aws', region: 'us-east-2', cloud_gateway_network_id: 'net-1', autoscale: { kind: 'autopilot', base_rps: 100 } }],
        dataplane_groups: [{ id: 'dpg-1', provider: 'aws', region: 'us-east-2', cloud_gateway_network_id: 'net-1', state: 'ready' }],
        entity_version: 7,
      },
      { id: 'conf-2', control_plane_id: 'cp-2', control_plane_geo: 'us', dataplane_group_config: [], dataplane_groups: [], entity_version: 1 },
    ],
    '/cloud-gateways/custom-domains': [
      { id: 'cd-1', control_plane_id: 'cp-1', control_plane_geo: 'us', domain: 'api.example.com', certificate_id: 'cert-9', sni_id: 'sni-9', state: 'ready', kind: 'dedicated.v0', entity_version: 1 },
    ],
    '/cloud-gateways/add-ons': [
      { id: 'ao-1', name: 'cache', owner: { kind: 'control-plane', control_plane_id: 'cp-1', control_plane_geo: 'us' }, config: { kind: 'managed-cache.v0', capacity_config: { kind: 'tiered', tier: 'small' }, state_metadata: {} }, state: 'ready', entity_version: 1 },
    ],
    [core('cp-1', 'services')]: services,
    [core('cp-1', 'routes')]: [{ id: 'r1', name: 'orders-route', paths: ['/orders'], service: { id: 's1' }, created_at: 1, updated_at: 2 }],
    [core('cp-1', 'upstreams')]: [{ id: 'u1', name: 'up' }, { id: 'u2', name: 'up2' }],
    [core('cp-1', 'upstreams/u1/targets')]: [{ id: 't1', target: '10.0.0.1:80', weight: 100, upstream: { id: 'u1' } }],
    [core('cp-1', 'upstreams/u2/targets')]: [],
    [core('cp-1', 'consumer_groups')]: [{ id: 'g1', name: 'gold' }],
    [core('cp-1', 'consumer_groups/g1/consumers')]: [{ id: 'c1', username: 'alice' }],
    [core('cp-1', 'consumers')]: [{ id: 'c1', username: 'alice' }],
    [core('cp-1', 'partials')]: [
      { id: 'p1', name: 'redis', type: 'redis-ee', config: { host: 'r' } },
      { id: 'p2', name: 'konnect-managed-a188516a-b1a6-4fad-9eda-f9b1be1b7159', type: 'redis-ee', config: {}, tags: ['konnect-managed'] },
    ],
    [core('cp-1', 'plugins')]: [
      { id: 'pl1', name: 'rate-limiting-advanced', service: { id: 's1' }, route: null, consumer: null, partials: [{ id: 'p1', path: 'config.redis' }], config: {} },
      { id: 'pl2', name: 'cors', service: { id: 'gone' }, config: {} },
    ],
    [core('cp-1', 'certificates')]: [{ id: 'cert-9', cert: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----', key: 'k' }],
    [core('cp-1', 'snis')]: [{ id: 'sni-9', name: 'api.example.com', certificate: { id: 'cert-9' } }],
    [core('cp-2', 'services')]: [{ id: 'x1', name: 'elsewhere', host: 'h' }],
  };
}

export function scope(controlPlane: string): GatewayScope {
  return { controlPlane, selectTagSets: [[]], lookupTags: {}, includePluginDefinitions: false };
}

export function desiredState(entities: Entity[], scopes: GatewayScope[], claims: DesiredState['claims'] = []): DesiredState {
  return { geo: 'us', entities, claims, scopes, env: [], files: [] };
}
