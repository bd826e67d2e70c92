import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/diff/index.js';
import { diffKeyed } from '../../src/diff/compare.js';
import type { Entity } from '../../src/model/entity.js';
import type { Claim } from '../../src/model/state.js';
import { CP, desiredEntity, desiredState, gatewayClaims, liveControlPlane, liveEntity, liveState } from './helpers.js';

const gw = { controlPlane: CP };
const ids = { 'svc-1': 'orders', 'svc-2': 'billing', 'cp-1': 'payments', 'cp-2': 'platform', 'pacc-1': 'aws', 'net-1': 'prod' };
const liveService = (name: string, id: string, extra = {}) => liveEntity('service', { id, name, host: `${name}.internal`, port: 80, protocol: 'http', ...extra }, { controlPlane: CP, ids });
const plan = (desired: Entity[], live: Entity[], claims: Claim[] = gatewayClaims(CP)) => buildPlan(desiredState(desired, { claims }), liveState(live));
const ids_ = (desired: Entity[], live: Entity[], claims?: Claim[]) => plan(desired, live, claims).operations.map((op) => op.id);

describe('diffKeyed', () => {
  it('visits every key of either side once, desired order first', () => {
    const seen = diffKeyed(new Map([['a', 1], ['b', 2]]), new Map([['c', 3], ['a', 4]]), (key, d, l) => `${key}:${d ?? '-'}:${l ?? '-'}`);
    expect(seen).toEqual(['a:1:4', 'b:2:-', 'c:-:3']);
  });
});

describe('identity and comparison', () => {
  it('the same plugin on two services is two entities', () => {
    const desired = [
      desiredEntity('service', { name: 'orders', host: 'orders.internal' }, gw),
      desiredEntity('service', { name: 'billing', host: 'billing.internal' }, gw),
      desiredEntity('plugin', { name: 'cors', service: 'orders' }, gw),
      desiredEntity('plugin', { name: 'cors', service: 'billing' }, gw),
    ];
    const live = [liveControlPlane(), liveService('orders', 'svc-1'), liveService('billing', 'svc-2'), liveEntity('plugin', { id: 'p1', name: 'cors', service: { id: 'svc-1' } }, { controlPlane: CP, ids })];
    expect(ids_(desired, live)).toEqual(['create:plugin:payments/cors|service=billing']);
  });

  it('a set in another order is no change; an ordered array in another order is', () => {
    const route = (paths: string[], protocols: string[]) => desiredEntity('route', { name: 'r', service: 'orders', paths, protocols }, gw);
    const liveRoute = liveEntity('route', { id: 'r1', name: 'r', service: { id: 'svc-1' }, paths: ['/a', '/b'], protocols: ['http', 'https'] }, { controlPlane: CP, ids });
    const base = [desiredEntity('service', { name: 'orders', host: 'orders.internal' }, gw)];
    const live = [liveControlPlane(), liveService('orders', 'svc-1'), liveRoute];
    expect(ids_([...base, route(['/a', '/b'], ['https', 'http'])], live)).toEqual([]);
    const swapped = plan([...base, route(['/b', '/a'], ['http', 'https'])], live).operations;
    expect(swapped.map((op) => op.id)).toEqual(['update:route:payments/r']);
    expect(swapped[0]!.patch.map((p) => p.path).sort()).toEqual(['/paths/0', '/paths/1']);
  });

  it('tags compare as a set and an empty tag list equals none', () => {
    const live = [liveControlPlane(), liveService('orders', 'svc-1', { tags: ['b', 'a'] })];
    expect(ids_([desiredEntity('service', { name: 'orders', host: 'orders.internal', tags: ['a', 'b'] }, gw)], live)).toEqual([]);
    const untagged = [liveControlPlane(), liveService('orders', 'svc-1', { tags: [] })];
    expect(ids_([desiredEntity('service', { name: 'orders', host: 'orders.internal' }, gw)], untagged)).toEqual([]);
  });

  it('a field removed from the file is a change (back to default, or gone)', () => {
    const live = [liveControlPlane(), liveService('orders', 'svc-1', { path: '/api', retries: 2 })];
    const result = plan([desiredEntity('service', { name: 'orders', host: 'orders.internal' }, gw)], live);
    expect(result.operations.map((op) => op.id)).toEqual(['update:service:payments/orders']);
    expect(result.operations[0]!.patch).toEqual(
      expect.arrayContaining([
        { op: 'remove', path: '/path' },
        { op: 'replace', path: '/retries', value: 5 },
      ]),
    );
  });

  it('absent and null are equal', () => {
    const live = [liveControlPlane(), liveService('orders', 'svc-1', { path: null, tls_verify: null })];
    expect(ids_([desiredEntity('service', { name: 'orders', host: 'orders.internal', path: null }, gw)], live)).toEqual([]);
  });
});

describe('replace decisions', () => {
  const pa = liveEntity('provider_account', { id: 'pacc-1', provider: 'aws' });
  const network = (cidr: string) => ({ name: 'prod', provider: 'aws', region: 'us-east-2', availability_zones: ['a'], cidr_block: cidr });
  const liveNetwork = liveEntity('network', { id: 'net-1', name: 'prod', cloud_gateway_provider_account_id: 'pacc-1', region: 'us-east-2', availability_zones: ['a'], cidr_block: '10.0.0.0/22', state: 'ready' }, { ids });

  it('a network cidr change is a destructive replace, followed by a wait', () => {
    const result = plan([desiredEntity('network', network('10.1.0.0/22'))], [pa, liveNetwork], [{ kind: 'network' }]);
    expect(result.operations.map((op) => op.id)).toEqual(['replace:network:prod', 'wait:network:prod']);
    const [replace] = result.operations;
    expect(replace!.destructive).toBe(true);
    expect(replace!.reason).toContain('cidr_block');
    expect(replace!.requests.map((r) => r.method)).toEqual(['DELETE', 'POST']);
    expect(result.warnings.some((w) => w.includes('replaced'))).toBe(true);
  });

  it('a control plane cluster_type change replaces; a label change is a PATCH of allowed fields', () => {
    const cp = liveEntity('control_plane', { id: 'cp-1', name: 'payments', labels: { a: '1' }, config: { cluster_type: 'CLUSTER_TYPE_CONTROL_PLANE', auth_type: 'pinned_client_certs', cloud_gateway: false } });
    const claims = [{ kind: 'control_plane' as const }];
    const group = plan([desiredEntity('control_plane', { name: 'payments', labels: { a: '1' }, cluster_type: 'CLUSTER_TYPE_CONTROL_PLANE_GROUP' })], [cp], claims);
    expect(group.operations.map((op) => op.action)).toEqual(['replace']);
    const relabel = plan([desiredEntity('control_plane', { name: 'payments', labels: { a: '2' } })], [cp], claims).operations;
    expect(relabel.map((op) => op.action)).toEqual(['update']);
    expect(relabel[0]!.requests).toEqual([{ api: 'control-planes', method: 'PATCH', path: '/control-planes/{$id:control_plane:payments}', body: { name: 'payments', auth_type: 'pinned_client_certs', labels: { a: '2', 'konsync-owner': 'default' } }, captures: 'control_plane:payments' }]);
  });

  describe('add-ons', () => {
    const cps = [liveControlPlane('payments', 'cp-1'), liveControlPlane('platform', 'cp-2')];
    const liveAddOn = (tier: string) =>
      liveEntity('add_on', { id: 'ao-1', name: 'cache', owner: { kind: 'control-plane', control_plane_id: 'cp-1' }, config: { kind: 'managed-cache.v0', capacity_config: { kind: 'tiered', tier } }, state: 'ready' }, { ids });
    const addOn = (tier: string, owner = { control_plane: 'payments' }) => desiredEntity('add_on', { name: 'cache', owner, config: { kind: 'managed-cache.v0', capacity_config: { kind: 'tiered', tier } } });
    const actions = (desired: Entity, live: Entity) => plan([desired], [...cps, live], [{ kind: 'add_on' }]).operations.map((op) => op.action);

    it('a tier upgrade is an update (PATCH config) then a wait', () => {
      expect(actions(addOn('medium'), liveAddOn('small'))).toEqual(['update', 'wait']);
    });
    it('a tier downgrade is a replace', () => {
      const ops = plan([addOn('micro')], [...cps, liveAddOn('small')], [{ kind: 'add_on' }]).operations;
      expect(ops[0]!.action).toBe('replace');
      expect(ops[0]!.reason).toContain('downgrade small → micro');
    });
    it('an owner change is a replace', () => {
      expect(actions(addOn('small', { control_plane: 'platform' }), liveAddOn('small'))[0]).toBe('replace');
    });
  });

  describe('transit gateways', () => {
    const tgw = (kind: string, cidrs: string[], extra = {}) => ({ network: 'prod', name: 'tgw', cidr_blocks: cidrs, transit_gateway_attachment_config: { kind, transit_gateway_id: 'tgw-1', ram_share_arn: 'arn', ...extra } });
    const liveTgw = (kind: string, cidrs: string[]) =>
      liveEntity('transit_gateway', { id: 'tg-1', name: 'tgw', cidr_blocks: cidrs, transit_gateway_attachment_config: { kind, transit_gateway_id: 'tgw-1', ram_share_arn: 'arn', attachment_id: 'att-9' }, state: 'ready' }, { parentKey: 'prod' });
    const run = (desired: Entity, live: Entity) =>
      plan([desired], [pa, liveNetwork, live], [{ kind: 'transit_gateway' }]).operations.map((op) => op.action);

    it('cidr_blocks on an AWS transit gateway attachment are patched in place; reordering them is nothing', () => {
      expect(run(desiredEntity('transit_gateway', tgw('aws-transit-gateway-attachment', ['10.9.0.0/16', '10.8.0.0/16'])), liveTgw('aws-transit-gateway-attachment', ['10.8.0.0/16']))).toEqual(['update', 'wait']);
      expect(run(desiredEntity('transit_gateway', tgw('aws-transit-gateway-attachment', ['10.9.0.0/16', '10.8.0.0/16'])), liveTgw('aws-transit-gateway-attachment', ['10.8.0.0/16', '10.9.0.0/16']))).toEqual([]);
    });
    it('cidr_blocks on another attachment kind, or an attachment config change, replace', () => {
      expect(run(desiredEntity('transit_gateway', tgw('aws-vpc-peering-attachment', ['10.9.0.0/16'])), liveTgw('aws-vpc-peering-attachment', ['10.8.0.0/16']))[0]).toBe('replace');
      expect(run(desiredEntity('transit_gateway', tgw('aws-transit-gateway-attachment', ['10.8.0.0/16'], { transit_gateway_id: 'tgw-2' })), liveTgw('aws-transit-gateway-attachment', ['10.8.0.0/16']))[0]).toBe('replace');
    });
    it('an attachment config that Konnect returns with its keys in another order is the same config', () => {
      const desired = { network: 'prod', name: 'tgw', cidr_blocks: ['10.9.0.0/16'], transit_gateway_attachment_config: { ram_share_arn: 'arn', transit_gateway_id: 'tgw-1', kind: 'aws-transit-gateway-attachment' } };
      expect(run(desiredEntity('transit_gateway', desired), liveTgw('aws-transit-gateway-attachment', ['10.8.0.0/16']))).toEqual(['update', 'wait']);
    });
  });

  it('a private DNS resolver whose dns_config changes is patched, whatever the key order of its attachment config', () => {
    const config = { kind: 'aws-outbound-resolver', dns_config: { 'example.com': { remote_dns_server_ip_addresses: ['10.0.0.2'] } } };
    const live = liveEntity('private_dns', { id: 'pd-1', name: 'zone', private_dns_attachment_config: { ...config, dns_config: {} }, state: 'ready' }, { parentKey: 'prod' });
    const desired = desiredEntity('private_dns', { network: 'prod', name: 'zone', private_dns_attachment_config: { dns_config: config.dns_config, kind: config.kind } });
    expect(plan([desired], [pa, liveNetwork, live], [{ kind: 'private_dns' }]).operations.map((op) => op.action)).toEqual(['update', 'wait']);
  });
});

// Was "warns when an unchanged live entity still references a replaced one": a replace no longer only warns about its
// referrers, it fails the plan (test/diff/replacements.test.ts covers the rules).
describe('replacement blockers', () => {
  it('fails when an unchanged live entity still references a replaced one', async () => {
    const { everythingClaimed, konnectShapedLive, matchingDesired } = await import('./fixture.js');
    const desired = matchingDesired().map((e) => (e.kind === 'network' ? { ...e, fields: { ...e.fields, cidr_block: '10.50.0.0/22' } } : e));
    expect(() => buildPlan(desiredState(desired, { claims: everythingClaimed() }), liveState(konnectShapedLive()))).toThrow(
      'cloud gateway network prod-use2 must be replaced (cidr_block cannot change in place), but cloud gateway configuration payments still uses it',
    );
  });
});

describe('null in the file', () => {
  it('an explicit null is absent: the server default applies, so no drift', () => {
    const live = [liveControlPlane(), liveService('orders', 'svc-1', { retries: 5 })];
    expect(ids_([desiredEntity('service', { name: 'orders', host: 'orders.internal', retries: null }, gw)], live)).toEqual([]);
  });
  it('an explicit null expression leaves a route a traditional one (its defaults, no drift)', () => {
    const liveRoute = liveEntity('route', { id: 'r1', name: 'r', service: { id: 'svc-1' }, paths: ['/a'], path_handling: 'v0', regex_priority: 0 }, { controlPlane: CP, ids });
    const live = [liveControlPlane(), liveService('orders', 'svc-1'), liveRoute];
    const desired = [desiredEntity('service', { name: 'orders', host: 'orders.internal' }, gw), desiredEntity('route', { name: 'r', service: 'orders', paths: ['/a'], expression: null }, gw)];
    expect(ids_(desired, live)).toEqual([]);
  });
});

// Was "warns that the gateway entities it holds go with it" (desired ones were left out of the plan): they are now
// recreated after the control plane, and only the undeclared ones are reported lost.
describe('replacing a control plane', () => {
  it('recreates the gateway entities it holds that the files declare; the others are lost with it', () => {
    const cp = liveEntity('control_plane', { id: 'cp-1', name: 'payments', config: { cluster_type: 'CLUSTER_TYPE_CONTROL_PLANE', auth_type: 'pinned_client_certs', cloud_gateway: false } });
    const live = [cp, liveService('orders', 'svc-1'), liveService('billing', 'svc-2'), liveService('legacy', 'svc-3')];
    const desired = [
      desiredEntity('control_plane', { name: 'payments', cloud_gateway: true }),
      desiredEntity('service', { name: 'orders', host: 'orders.internal' }, gw),
      desiredEntity('service', { name: 'billing', host: 'billing.internal' }, gw),
    ];
    const result = plan(desired, live, [{ kind: 'control_plane' }, ...gatewayClaims(CP)]);
    expect(result.operations.map((op) => op.id)).toEqual(['replace:control_plane:payments', 'create:service:payments/billing', 'create:service:payments/orders']);
    expect(result.warnings).toContain('control plane payments is replaced: 1 entity in it that the files do not declare is lost with it');
  });
});
