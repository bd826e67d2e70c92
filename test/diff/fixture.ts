// The Konnect-shaped live fixture (test/fixtures/live/konnect-shaped.json), decoded as the reader would, and the desired
// state that matches it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Entity } from '../../src/model/entity.js';
import type { JsonObject } from '../../src/model/json.js';
import type { Claim } from '../../src/model/state.js';
import type { KindName } from '../../src/kinds/registry.js';
import { CP, desiredEntity, gatewayClaims, liveEntity } from './helpers.js';

interface Fixture {
  ids: Record<string, string>;
  objects: Array<{ kind: KindName; controlPlane?: string; raw: JsonObject }>;
}

const path = fileURLToPath(new URL('../fixtures/live/konnect-shaped.json', import.meta.url));

export function konnectShapedLive(): Entity[] {
  const fixture = JSON.parse(readFileSync(path, 'utf8')) as Fixture;
  return fixture.objects.map(({ kind, controlPlane, raw }) => liveEntity(kind, raw, controlPlane === undefined ? { ids: fixture.ids } : { ids: fixture.ids, controlPlane }));
}

/** What a user writes for the same resources: only the fields they care about. */
export function matchingDesired(): Entity[] {
  const gw = { controlPlane: CP };
  return [
    desiredEntity('control_plane', {
      name: 'payments',
      cloud_gateway: true,
      labels: { team: 'payments' },
      proxy_urls: [
        { host: 'a.example.com', port: 443, protocol: 'https' },
        { host: 'b.example.com', port: 443, protocol: 'https' },
      ],
    }),
    desiredEntity('network', {
      name: 'prod-use2',
      provider: 'aws',
      region: 'us-east-2',
      availability_zones: ['use2-az1', 'use2-az2', 'use2-az3'],
      cidr_block: '10.42.0.0/22',
    }),
    desiredEntity('configuration', {
      control_plane: 'payments',
      version: '3.11',
      dataplane_groups: [
        {
          provider: 'aws',
          region: 'us-east-2',
          network: 'prod-use2',
          autoscale: { kind: 'autopilot', base_rps: 100 },
          environment: [
            { name: 'KONG_LOG_LEVEL', value: 'info' },
            { name: 'KONG_TRACING_SAMPLING_RATE', value: '0.01' },
          ],
        },
      ],
    }),
    desiredEntity('add_on', {
      name: 'payments-cache',
      owner: { control_plane: 'payments' },
      config: { kind: 'managed-cache.v0', capacity_config: { kind: 'tiered', tier: 'small' } },
    }),
    desiredEntity('service', { name: 'orders', host: 'orders.internal', tags: ['billing', 'team-a'] }, gw),
    desiredEntity('route', { name: 'orders-route', service: 'orders', paths: ['/orders', '/v1/orders'], protocols: ['http', 'https'], methods: ['GET', 'POST'] }, gw),
    desiredEntity('plugin', { name: 'rate-limiting-advanced', service: 'orders', config: { limit: [100], window_size: [60] } }, gw),
    desiredEntity('plugin', { name: 'rate-limiting', route: 'orders-route', config: { minute: 5, policy: 'redis', redis: { host: 'redis.internal' } } }, gw),
    desiredEntity('partial', { name: 'redis', type: 'redis-ee', config: { host: 'redis.internal', read_timeout: 3000, send_timeout: 3000, ssl_verify: false } }, gw),
    desiredEntity(
      'plugin',
      { name: 'rate-limiting-advanced', instance_name: 'rla-partial', config: { limit: [5], window_size: [30], strategy: 'redis' }, partials: [{ name: 'redis' }] },
      gw,
    ),
  ];
}

export function everythingClaimed(): Claim[] {
  const platform: KindName[] = ['control_plane', 'network', 'configuration', 'add_on', 'custom_domain'];
  return [...platform.map((kind) => ({ kind })), ...gatewayClaims(CP)];
}
