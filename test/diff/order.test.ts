import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildPlan } from '../../src/diff/index.js';
import { topoSort } from '../../src/diff/order.js';
import { PlanError } from '../../src/errors.js';
import type { Entity } from '../../src/model/entity.js';
import type { JsonObject } from '../../src/model/json.js';
import type { Operation, Plan } from '../../src/model/plan.js';
import { CP, desiredEntity, desiredState, gatewayClaims, liveControlPlane, liveEntity, liveState } from './helpers.js';

const position = (plan: Plan) => new Map(plan.operations.map((op, i) => [op.id, i]));
const before = (plan: Plan, first: string, then: string) => {
  const at = position(plan);
  expect(at.has(first), first).toBe(true);
  expect(at.has(then), then).toBe(true);
  expect(at.get(first)!).toBeLessThan(at.get(then)!);
};

describe('ordering', () => {
  const pa = liveEntity('provider_account', { id: 'pacc-1', provider: 'aws' });

  it('platform creates: control plane → network → wait → configuration → wait; add-on after its control plane; TGW after network ready', () => {
    const desired = [
      desiredEntity('control_plane', { name: 'payments', cloud_gateway: true }),
      desiredEntity('network', { name: 'prod', provider: 'aws', region: 'us-east-2', availability_zones: ['a'], cidr_block: '10.0.0.0/22' }),
      desiredEntity('transit_gateway', { network: 'prod', name: 'tgw', cidr_blocks: ['10.9.0.0/16'], transit_gateway_attachment_config: { kind: 'aws-transit-gateway-attachment', transit_gateway_id: 't', ram_share_arn: 'r' } }),
      desiredEntity('configuration', { control_plane: 'payments', version: '3.11', dataplane_groups: [{ provider: 'aws', region: 'us-east-2', network: 'prod' }] }),
      desiredEntity('add_on', { name: 'cache', owner: { control_plane: 'payments' }, config: { kind: 'managed-cache.v0', capacity_config: { kind: 'tiered', tier: 'small' } } }),
      desiredEntity('partial', { name: 'cache', type: 'redis-ee', config: { host: '{vault://env/ADDON_MANAGED_CACHE_HOST}' } }, { controlPlane: 'payments' }),
      desiredEntity('plugin', { name: 'rate-limiting-advanced', config: { limit: [1], window_size: [1], strategy: 'redis' }, partials: [{ name: 'cache' }] }, { controlPlane: 'payments' }),
    ];
    const plan = buildPlan(desiredState(desired, { claims: [] }), liveState([pa]));
    before(plan, 'create:control_plane:payments', 'create:configuration:payments');
    before(plan, 'create:network:prod', 'wait:network:prod');
    before(plan, 'wait:network:prod', 'create:configuration:payments');
    before(plan, 'create:configuration:payments', 'wait:configuration:payments');
    before(plan, 'wait:network:prod', 'create:transit_gateway:prod/tgw');
    before(plan, 'create:control_plane:payments', 'create:add_on:cache');
    before(plan, 'wait:add_on:cache', 'create:partial:payments/cache');
    before(plan, 'create:control_plane:payments', 'create:partial:payments/cache');
    before(plan, 'create:partial:payments/cache', 'create:plugin:payments/rate-limiting-advanced');
    const wait = plan.operations.find((op) => op.id === 'wait:configuration:payments')!;
    expect(wait.readiness).toEqual({ api: 'cloud-gateways', path: '/cloud-gateways/configurations/{$id:configuration:payments}', statePath: 'dataplane_groups[].state', ready: ['ready'], failed: ['terminated'] });
    expect(plan.summary).toEqual({ create: 7, update: 0, replace: 0, delete: 0, wait: 4, total: 7 });
  });

  it('deletes: referrers first (configuration before network, plugin before partial, routes before service)', () => {
    const ids = { 'cp-1': 'payments', 'net-1': 'prod', 'pacc-1': 'aws', 'svc-1': 'orders', 'pa-1': 'redis' };
    const live = [
      pa,
      liveControlPlane(),
      liveEntity('network', { id: 'net-1', name: 'prod', cloud_gateway_provider_account_id: 'pacc-1', region: 'r', availability_zones: [], cidr_block: 'c' }, { ids }),
      liveEntity('configuration', { id: 'cfg', control_plane_id: 'cp-1', dataplane_group_config: [{ provider: 'aws', region: 'r', cloud_gateway_network_id: 'net-1' }] }, { ids }),
      liveEntity('service', { id: 'svc-1', name: 'orders', host: 'h' }, { controlPlane: CP, ids }),
      liveEntity('route', { id: 'rt-1', name: 'r', service: { id: 'svc-1' }, paths: ['/'] }, { controlPlane: CP, ids }),
      liveEntity('partial', { id: 'pa-1', name: 'redis', type: 'redis-ee', config: {} }, { controlPlane: CP, ids }),
      liveEntity('plugin', { id: 'pl-1', name: 'rate-limiting-advanced', partials: [{ id: 'pa-1', path: 'config.redis' }], config: {} }, { controlPlane: CP, ids }),
    ];
    // The network is marked `absent: true` (Konnect keeps no owner on networks); the configuration belongs to payments.
    const claims = [{ kind: 'network' as const, key: 'prod' }, { kind: 'configuration' as const }, ...gatewayClaims(CP)];
    const plan = buildPlan(desiredState([], { claims }), liveState(live));
    before(plan, 'delete:configuration:payments', 'delete:network:prod');
    before(plan, 'delete:plugin:payments/rate-limiting-advanced', 'delete:partial:payments/redis');
    before(plan, 'delete:route:payments/r', 'delete:service:payments/orders');
  });

  it('a plugin that unlinks a partial is updated before the partial is deleted', () => {
    const ids = { 'pa-1': 'redis' };
    const live = [
      liveControlPlane(),
      liveEntity('partial', { id: 'pa-1', name: 'redis', type: 'redis-ee', config: {} }, { controlPlane: CP, ids }),
      liveEntity('plugin', { id: 'pl-1', name: 'cors', partials: [{ id: 'pa-1', path: 'config.redis' }] }, { controlPlane: CP, ids }),
    ];
    const plan = buildPlan(desiredState([desiredEntity('plugin', { name: 'cors' }, { controlPlane: CP })], { claims: gatewayClaims(CP) }), liveState(live));
    expect(plan.operations.map((op) => op.id)).toEqual(['update:plugin:payments/cors', 'delete:partial:payments/redis']);
    expect(plan.operations[1]!.dependsOn).toEqual(['update:plugin:payments/cors']);
  });

  it('membership comes after the member control planes', () => {
    const desired = [
      desiredEntity('control_plane', { name: 'grp', cluster_type: 'CLUSTER_TYPE_CONTROL_PLANE_GROUP' }),
      desiredEntity('control_plane', { name: 'zz-member' }),
      desiredEntity('control_plane_membership', { control_plane: 'grp', members: ['zz-member'] }),
    ];
    const plan = buildPlan(desiredState(desired), liveState([]));
    before(plan, 'create:control_plane:zz-member', 'create:control_plane_membership:grp');
    before(plan, 'create:control_plane:grp', 'create:control_plane_membership:grp');
  });

  it('a dependency cycle is a PlanError naming the path', () => {
    const op = (id: string, dependsOn: string[]): Operation => ({ id, action: 'create', kind: 'service', key: id, title: id, destructive: false, requests: [], patch: [], dependsOn });
    expect(() => topoSort([op('a', ['c']), op('b', ['a']), op('c', ['b']), op('d', [])])).toThrow(PlanError);
    expect(() => topoSort([op('a', ['c']), op('b', ['a']), op('c', ['b'])])).toThrow(/dependency cycle: (a|b|c) → (a|b|c) → (a|b|c) → (a|b|c)/);
  });
});

/** A random gateway: services, routes on random services, plugins on random routes/services using random partials. */
const world = fc.record({
  services: fc.integer({ min: 1, max: 6 }),
  routes: fc.array(fc.nat(), { maxLength: 8 }),
  plugins: fc.array(fc.record({ on: fc.nat(), route: fc.boolean(), partial: fc.option(fc.nat(), { nil: undefined }) }), { maxLength: 8 }),
  partials: fc.integer({ min: 1, max: 3 }),
  liveMask: fc.array(fc.constantFrom('same', 'differs', 'missing'), { minLength: 40, maxLength: 40 }),
  extraLive: fc.array(fc.nat({ max: 5 }), { maxLength: 4 }),
  seed: fc.integer(),
});

interface World {
  services: number;
  routes: number[];
  plugins: Array<{ on: number; route: boolean; partial: number | undefined }>;
  partials: number;
  liveMask: string[];
  extraLive: number[];
  seed: number;
}

function build(w: World): { desired: Entity[]; live: Entity[] } {
  const gw = { controlPlane: CP };
  const desired: Entity[] = [];
  for (let i = 0; i < w.services; i++) desired.push(desiredEntity('service', { name: `s${i}`, host: 'h' }, gw));
  for (let i = 0; i < w.partials; i++) desired.push(desiredEntity('partial', { name: `p${i}`, type: 'redis-ee', config: {} }, gw));
  w.routes.forEach((s, i) => desired.push(desiredEntity('route', { name: `r${i}`, service: `s${s % w.services}`, paths: ['/'] }, gw)));
  w.plugins.forEach((p, i) => {
    const fields: JsonObject = { name: 'cors', instance_name: `i${i}` };
    if (p.route && w.routes.length > 0) fields.route = `r${p.on % w.routes.length}`;
    else fields.service = `s${p.on % w.services}`;
    if (p.partial !== undefined) fields.partials = [{ name: `p${p.partial % w.partials}` }];
    desired.push(desiredEntity('plugin', fields, gw));
  });
  const live: Entity[] = [liveControlPlane()];
  desired.forEach((entity, i) => {
    const mode = w.liveMask[i % w.liveMask.length];
    if (mode === 'missing') return;
    const fields = mode === 'differs' ? { ...entity.fields, tags: ['changed'] } : entity.fields;
    live.push({ ...entity, fields, id: `id-${i}`, raw: { id: `id-${i}` } });
  });
  w.extraLive.forEach((n, i) => {
    live.push({ kind: 'service', key: `${CP}/gone${i}`, controlPlane: CP, fields: { name: `gone${i}`, host: 'h' }, id: `g${i}`, raw: { id: `g${i}` } });
    live.push({ kind: 'route', key: `${CP}/gone-r${i}-${n}`, controlPlane: CP, fields: { name: `gone-r${i}-${n}`, service: `gone${i}` }, id: `gr${i}`, raw: { id: `gr${i}` } });
  });
  return { desired, live };
}

function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('ordering and determinism, property-based', () => {
  it('every operation comes after its dependsOn, and references are honoured', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { desired, live } = build(w);
        const plan = buildPlan(desiredState(desired, { claims: gatewayClaims(CP) }), liveState(live));
        const at = position(plan);
        for (const op of plan.operations) for (const dep of op.dependsOn) expect(at.get(dep)!).toBeLessThan(at.get(op.id)!);
        // Semantics, not just self-consistency: a create comes after the create of what it references.
        for (const op of plan.operations.filter((o) => o.action === 'create' && o.after)) {
          for (const [field, kind] of [['service', 'service'], ['route', 'route']] as const) {
            const target = op.after![field];
            if (typeof target === 'string' && at.has(`create:${kind}:${CP}/${target}`)) expect(at.get(`create:${kind}:${CP}/${target}`)!).toBeLessThan(at.get(op.id)!);
          }
        }
        for (const op of plan.operations.filter((o) => o.action === 'delete' && o.kind === 'service')) {
          const routes = plan.operations.filter((o) => o.action === 'delete' && o.kind === 'route' && o.before?.service === op.key.slice(CP.length + 1));
          for (const route of routes) expect(at.get(route.id)!).toBeLessThan(at.get(op.id)!);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the same inputs in any order give a byte-identical plan', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { desired, live } = build(w);
        const a = JSON.stringify(buildPlan(desiredState(desired, { claims: gatewayClaims(CP) }), liveState(live)));
        const b = JSON.stringify(buildPlan(desiredState(desired, { claims: gatewayClaims(CP) }), liveState(live)));
        const c = JSON.stringify(buildPlan(desiredState(shuffle(desired, w.seed), { claims: gatewayClaims(CP) }), liveState(shuffle(live, w.seed + 1))));
        expect(b).toBe(a);
        expect(c).toBe(a);
      }),
      { numRuns: 100 },
    );
  });

  it('diff(x, x) is empty', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { desired } = build(w);
        const live = [liveControlPlane(), ...desired.map((e, i) => ({ ...e, id: `id-${i}`, raw: { id: `id-${i}` } }))];
        expect(buildPlan(desiredState(desired, { claims: gatewayClaims(CP) }), liveState(live)).operations).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });
});
