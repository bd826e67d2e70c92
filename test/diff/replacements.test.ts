import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/diff/index.js';
import { PlanError } from '../../src/errors.js';
import type { Entity } from '../../src/model/entity.js';
import type { JsonObject } from '../../src/model/json.js';
import type { Claim } from '../../src/model/state.js';
import { renderPlanText } from '../../src/render/render-plan-text.js';
import { CP, desiredEntity, desiredState, gatewayClaims, liveEntity, liveState } from './helpers.js';

const ids = { 'cp-1': 'payments', 'cp-2': 'platform', 'pacc-1': 'aws', 'net-1': 'prod', 'up-1': 'pool', 'pt-1': 'redis', 'ao-1': 'cache' };
const plan = (desired: Entity[], live: Entity[], claims: Claim[]) => buildPlan(desiredState(desired, { claims }), liveState(live));
const opIds = (desired: Entity[], live: Entity[], claims: Claim[]) => plan(desired, live, claims).operations.map((op) => op.id);
const planError = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof PlanError) return error.message;
    throw error;
  }
  throw new Error('expected a PlanError');
};

describe('a replaced network', () => {
  const pa = liveEntity('provider_account', { id: 'pacc-1', provider: 'aws' });
  const network = (cidr: string) => desiredEntity('network', { name: 'prod', provider: 'aws', region: 'us-east-2', availability_zones: ['a'], cidr_block: cidr });
  const liveNetwork = liveEntity('network', { id: 'net-1', name: 'prod', cloud_gateway_provider_account_id: 'pacc-1', region: 'us-east-2', availability_zones: ['a'], cidr_block: '10.0.0.0/22', state: 'ready' }, { ids });
  const attachment = { kind: 'aws-transit-gateway-attachment', transit_gateway_id: 'tgw-1', ram_share_arn: 'arn' };
  const tgw = desiredEntity('transit_gateway', { network: 'prod', name: 'tgw', cidr_blocks: ['10.9.0.0/16'], transit_gateway_attachment_config: attachment });
  const liveTgw = liveEntity('transit_gateway', { id: 'tg-1', name: 'tgw', cidr_blocks: ['10.9.0.0/16'], transit_gateway_attachment_config: attachment, state: 'ready' }, { parentKey: 'prod' });
  const cp = liveEntity('control_plane', { id: 'cp-1', name: 'payments', config: { cluster_type: 'CLUSTER_TYPE_CONTROL_PLANE', cloud_gateway: true } });
  const group = { provider: 'aws', region: 'us-east-2', autoscale: { kind: 'autopilot', base_rps: 100 } };
  const groups = (network: string) => [{ ...group, network }];
  const configuration = desiredEntity('configuration', { control_plane: 'payments', version: '3.11', dataplane_groups: groups('prod') });
  const liveConfiguration = liveEntity(
    'configuration',
    { id: 'cfg-1', control_plane_id: 'cp-1', version: '3.11', api_access: 'private+public', kind: 'dedicated.v0', dataplane_groups: [{ ...group, cloud_gateway_network_id: 'net-1', state: 'ready' }] },
    { ids },
  );
  const claims: Claim[] = [{ kind: 'network' }, { kind: 'transit_gateway', parent: 'prod' }, { kind: 'configuration' }];

  it('takes its transit gateway with it: the child is deleted first and created once the network is ready', () => {
    const result = plan([network('10.1.0.0/22'), tgw], [pa, liveNetwork, liveTgw], claims);
    expect(result.operations.map((op) => op.id)).toEqual([
      'delete:transit_gateway:prod/tgw',
      'replace:network:prod',
      'wait:network:prod',
      'create:transit_gateway:prod/tgw',
      'wait:transit_gateway:prod/tgw',
    ]);
    const [removeChild, replace, , createChild] = result.operations;
    expect(replace!.requests.map((r) => r.method)).toEqual(['DELETE', 'POST']);
    expect(removeChild!.requests).toEqual([{ api: 'cloud-gateways', method: 'DELETE', path: '/cloud-gateways/networks/{$id:network:prod}/transit-gateways/{$id:transit_gateway:prod/tgw}' }]);
    expect(removeChild!.reason).toBe('recreated with its parent cloud gateway network prod');
    expect(createChild!.reason).toBe('recreated with its parent cloud gateway network prod');
    expect(createChild!.requests[0]!.path).toBe('/cloud-gateways/networks/{$id:network:prod}/transit-gateways');
    expect(result.warnings).toContain('transit gateway prod/tgw will be replaced (deleted, then created): recreated with its parent cloud gateway network prod');
    const text = renderPlanText(result);
    expect(text).toContain('- delete transit gateway prod/tgw (recreated with its parent cloud gateway network prod)');
    expect(text).toContain('+ create transit gateway prod/tgw (recreated with its parent cloud gateway network prod)');
  });

  it('a transit gateway that is not declared but is claimed is only deleted, before the network', () => {
    expect(opIds([network('10.1.0.0/22')], [pa, liveNetwork, liveTgw], claims)).toEqual(['delete:transit_gateway:prod/tgw', 'replace:network:prod', 'wait:network:prod']);
  });

  it('blames the file line of the replaced entity (annotations need file and line)', () => {
    const located = { ...network('10.1.0.0/22'), source: { file: 'platform.yaml', line: 7, column: 5 } };
    let caught: unknown;
    try {
      plan([located], [pa, liveNetwork, liveTgw], [{ kind: 'network' }]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PlanError);
    expect(caught).toMatchObject({ file: 'platform.yaml', line: 7, column: 5 });
  });

  it('fails when a transit gateway under it is neither declared nor claimed', () => {
    const message = planError(() => plan([network('10.1.0.0/22')], [pa, liveNetwork, liveTgw], [{ kind: 'network' }]));
    expect(message).toContain('cloud gateway network prod must be replaced (cidr_block cannot change in place), but transit gateway prod/tgw under it is neither declared nor claimed');
  });

  it('fails, naming both ends and the way out, while a configuration still uses it', () => {
    const message = planError(() => plan([network('10.1.0.0/22'), tgw, configuration], [pa, cp, liveNetwork, liveTgw, liveConfiguration], claims));
    expect(message).toBe(
      'cloud gateway network prod must be replaced (cidr_block cannot change in place), but cloud gateway configuration payments still uses it ' +
        'and Konnect refuses to delete a cloud gateway network in use. Declare the new cloud gateway network under another name, ' +
        'point cloud gateway configuration payments at it, and remove prod in a later sync.',
    );
  });

  it('is fine when the configuration is removed from the files and claimed: the configuration goes first', () => {
    const result = plan([network('10.1.0.0/22'), tgw], [pa, cp, liveNetwork, liveTgw, liveConfiguration], claims);
    const order = result.operations.map((op) => op.id);
    expect(order[0]).toBe('delete:configuration:payments');
    expect(order.indexOf('delete:configuration:payments')).toBeLessThan(order.indexOf('replace:network:prod'));
    expect(order.indexOf('delete:transit_gateway:prod/tgw')).toBeLessThan(order.indexOf('replace:network:prod'));
  });

  it('is fine when the configuration moves to another network in the same plan', () => {
    const other = desiredEntity('network', { name: 'other', provider: 'aws', region: 'us-east-2', availability_zones: ['a'], cidr_block: '10.2.0.0/22' });
    const moved = desiredEntity('configuration', { control_plane: 'payments', version: '3.11', dataplane_groups: groups('other') });
    const order = opIds([network('10.1.0.0/22'), tgw, other, moved], [pa, cp, liveNetwork, liveTgw, liveConfiguration], claims);
    expect(order.indexOf('update:configuration:payments')).toBeLessThan(order.indexOf('replace:network:prod'));
  });
});

describe('a replaced control plane', () => {
  const liveCp = liveEntity('control_plane', { id: 'cp-1', name: 'payments', config: { cluster_type: 'CLUSTER_TYPE_CONTROL_PLANE', auth_type: 'pinned_client_certs', cloud_gateway: false } });
  const gw = { controlPlane: CP };
  const live = (kind: Parameters<typeof liveEntity>[0], raw: JsonObject, parentKey?: string) => liveEntity(kind, raw, parentKey ? { controlPlane: CP, ids, parentKey } : { controlPlane: CP, ids });
  const claims: Claim[] = [{ kind: 'control_plane' }, { kind: 'add_on' }, ...gatewayClaims(CP)];

  it('recreates its declared gateway entities after it (cluster_type change), with no request for the rest', () => {
    const desired = [
      desiredEntity('control_plane', { name: 'payments', cluster_type: 'CLUSTER_TYPE_CONTROL_PLANE_GROUP' }),
      desiredEntity('upstream', { name: 'pool' }, gw),
      desiredEntity('target', { upstream: 'pool', target: '10.0.0.1:80', weight: 100 }, gw),
      desiredEntity('service', { name: 'orders', host: 'orders.internal' }, gw),
    ];
    const liveEntities = [
      liveCp,
      live('upstream', { id: 'up-1', name: 'pool' }),
      live('target', { id: 't-1', target: '10.0.0.1:80', weight: 100 }, 'pool'),
      live('service', { id: 'svc-1', name: 'orders', host: 'orders.internal', port: 80, protocol: 'http' }),
      live('service', { id: 'svc-2', name: 'legacy', host: 'legacy.internal', port: 80, protocol: 'http' }),
    ];
    const result = plan(desired, liveEntities, claims);
    expect(result.operations.map((op) => op.id)).toEqual([
      'replace:control_plane:payments',
      'create:service:payments/orders',
      'create:upstream:payments/pool',
      'create:target:payments/pool/10.0.0.1:80',
    ]);
    expect(result.operations[0]!.reason).toContain('cluster_type');
    const created = result.operations.slice(1);
    for (const op of created) expect(op.reason).toBe('recreated with control plane payments');
    expect(created.every((op) => op.requests.every((r) => r.method === 'POST'))).toBe(true);
    expect(result.operations.find((op) => op.id.startsWith('create:target'))!.dependsOn).toContain('create:upstream:payments/pool');
    expect(result.warnings).toContain('control plane payments is replaced: 1 entity in it that the files do not declare is lost with it');
  });

  it('splits a replaced entity that uses it: deleted before it, created after it', () => {
    const desired = [
      desiredEntity('control_plane', { name: 'payments', cloud_gateway: true, cluster_type: 'CLUSTER_TYPE_CONTROL_PLANE_GROUP' }),
      desiredEntity('custom_domain', { control_plane: 'payments', domain: 'api.example.com', kind: 'other.v0' }),
    ];
    const cp = liveEntity('control_plane', { id: 'cp-1', name: 'payments', config: { cluster_type: 'CLUSTER_TYPE_CONTROL_PLANE', auth_type: 'pinned_client_certs', cloud_gateway: true } });
    const domain = liveEntity('custom_domain', { id: 'cd-1', control_plane_id: 'cp-1', domain: 'api.example.com', kind: 'dedicated.v0', state: 'ready' }, { ids });
    const result = plan(desired, [cp, domain], [{ kind: 'control_plane' }, { kind: 'custom_domain' }]);
    expect(result.operations.map((op) => op.id)).toEqual([
      'delete:custom_domain:api.example.com',
      'replace:control_plane:payments',
      'create:custom_domain:api.example.com',
      'wait:custom_domain:api.example.com',
    ]);
    expect(result.operations[0]!.reason).toBe('kind cannot change in place');
  });

  it('an add-on that one of its entities uses is replaced after it (the entity goes with the control plane)', () => {
    const group = liveEntity('control_plane', { id: 'cp-2', name: 'platform', config: { cluster_type: 'CLUSTER_TYPE_CONTROL_PLANE_GROUP', auth_type: 'pinned_client_certs', cloud_gateway: false } });
    const membership = liveEntity('control_plane_membership', { members: [{ id: 'cp-1', name: 'payments' }] }, { parentKey: 'platform' });
    const owner = { control_plane_group: 'platform' };
    const addOn = (tier: string) => ({ name: 'cache', owner, config: { kind: 'managed-cache.v0', capacity_config: { kind: 'tiered', tier } } });
    const liveAddOn = liveEntity('add_on', { id: 'ao-1', name: 'cache', owner: { kind: 'control-plane-group', control_plane_group_id: 'cp-2' }, config: addOn('small').config, state: 'ready' }, { ids });
    const partial = { name: 'redis', type: 'redis-ee', config: { host: '{vault://env/ADDON_MANAGED_CACHE_HOST}' } };
    const desired = [
      desiredEntity('control_plane', { name: 'payments', cluster_type: 'CLUSTER_TYPE_CONTROL_PLANE_GROUP' }),
      desiredEntity('control_plane', { name: 'platform', cluster_type: 'CLUSTER_TYPE_CONTROL_PLANE_GROUP' }),
      desiredEntity('control_plane_membership', { control_plane: 'platform', members: [] }),
      desiredEntity('add_on', addOn('micro')),
      desiredEntity('partial', partial, gw),
    ];
    const order = opIds(desired, [liveCp, group, membership, liveAddOn, live('partial', { id: 'pt-1', ...partial })], claims);
    expect(order.indexOf('update:control_plane_membership:platform')).toBeLessThan(order.indexOf('replace:control_plane:payments'));
    expect(order.indexOf('replace:control_plane:payments')).toBeLessThan(order.indexOf('replace:add_on:cache'));
  });

  it('fails while an add-on it owns stays; an add-on replaced too that its partial uses cannot be ordered', () => {
    const cp = desiredEntity('control_plane', { name: 'payments', cluster_type: 'CLUSTER_TYPE_CONTROL_PLANE_GROUP' });
    const addOn = (tier: string) => desiredEntity('add_on', { name: 'cache', owner: { control_plane: 'payments' }, config: { kind: 'managed-cache.v0', capacity_config: { kind: 'tiered', tier } } });
    const liveAddOn = liveEntity('add_on', { id: 'ao-1', name: 'cache', owner: { kind: 'control-plane', control_plane_id: 'cp-1' }, config: { kind: 'managed-cache.v0', capacity_config: { kind: 'tiered', tier: 'small' } }, state: 'ready' }, { ids });
    expect(planError(() => plan([cp, addOn('small')], [liveCp, liveAddOn], claims))).toContain('control plane payments must be replaced (cluster_type cannot change in place), but add-on cache still uses it');

    const partial = { name: 'redis', type: 'redis-ee', config: { host: '{vault://env/ADDON_MANAGED_CACHE_HOST}' } };
    const livePartial = live('partial', { id: 'pt-1', ...partial });
    const message = planError(() => plan([cp, addOn('micro'), desiredEntity('partial', partial, gw)], [liveCp, liveAddOn, livePartial], claims));
    expect(message).toContain('these replacements cannot be ordered');
    expect(message).toContain('add-on cache before control plane payments (add-on cache uses control plane payments)');
    expect(message).toContain('control plane payments before add-on cache (partial payments/redis in control plane payments uses add-on cache)');
    const located = { ...cp, source: { file: 'platform.yaml', line: 2, column: 3 } };
    let caught: unknown;
    try {
      plan([located, addOn('micro'), desiredEntity('partial', partial, gw)], [liveCp, liveAddOn, livePartial], claims);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ name: 'PlanError', file: 'platform.yaml', line: 2, column: 3 });
  });
});

describe('a replaced partial', () => {
  const gw = { controlPlane: CP };
  const cp = liveEntity('control_plane', { id: 'cp-1', name: 'payments', config: { cluster_type: 'CLUSTER_TYPE_CONTROL_PLANE', cloud_gateway: true } });
  const livePartial = liveEntity('partial', { id: 'pt-1', name: 'redis', type: 'redis-ce', config: { host: 'redis.internal' } }, { controlPlane: CP, ids });
  const plugin = { name: 'rate-limiting', instance_name: 'rl', config: { minute: 5, policy: 'redis' } };
  const livePlugin = liveEntity('plugin', { id: 'pl-1', ...plugin, partials: [{ id: 'pt-1', path: 'config.redis' }] }, { controlPlane: CP, ids });
  const partial = desiredEntity('partial', { name: 'redis', type: 'redis-ee', config: { host: 'redis.internal' } }, gw);

  it('fails while a plugin stays linked to it', () => {
    const message = planError(() => plan([partial, desiredEntity('plugin', { ...plugin, partials: [{ name: 'redis' }] }, gw)], [cp, livePartial, livePlugin], gatewayClaims(CP)));
    expect(message).toContain('partial payments/redis must be replaced (type cannot change in place), but plugin payments/rate-limiting|instance=rl still uses it');
    expect(message).toContain('point plugin payments/rate-limiting|instance=rl at it, and remove payments/redis in a later sync.');
  });

  it('is fine when the plugin is deleted in the same plan, before the partial', () => {
    expect(opIds([partial], [cp, livePartial, livePlugin], gatewayClaims(CP))).toEqual(['delete:plugin:payments/rate-limiting|instance=rl', 'replace:partial:payments/redis']);
  });

  it('is fine when the plugin drops the link in the same plan', () => {
    const order = opIds([partial, desiredEntity('plugin', plugin, gw)], [cp, livePartial, livePlugin], gatewayClaims(CP));
    expect(order).toEqual(['update:plugin:payments/rate-limiting|instance=rl', 'replace:partial:payments/redis']);
  });
});
