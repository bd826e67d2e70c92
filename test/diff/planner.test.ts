import { describe, expect, it } from 'vitest';
import { buildPlan, createPlanner } from '../../src/diff/index.js';
import { KONNECT_DEFAULTS } from '../../src/kinds/konnect-defaults.js';
import type { Entity } from '../../src/model/entity.js';
import type { LiveState } from '../../src/model/state.js';
import { CP, desiredEntity, desiredState, gatewayClaims, liveControlPlane, liveEntity, liveState, scope } from './helpers.js';

const gw = { controlPlane: CP };
const ids = { 'svc-1': 'orders', 'svc-2': 'billing', 'svc-3': 'legacy' };
const state = (desired: Entity[]) => desiredState(desired, { claims: gatewayClaims(CP), scopes: [scope(CP)] });
const liveService = (id: string, name: string, extra = {}) =>
  liveEntity('service', { id, name, host: `${name}.internal`, port: 80, protocol: 'http', ...extra }, { controlPlane: CP, ids });

/** A planner fed each live entity as the reader would decode it, then asked for the plan. */
function planAhead(desired: ReturnType<typeof state>, fed: LiveState, planned: LiveState = fed) {
  const planner = createPlanner(desired);
  for (const entity of fed.entities) planner.addLive([entity]);
  return planner.plan(planned);
}

describe('createPlanner', () => {
  const desired = () =>
    state([
      desiredEntity('service', { name: 'orders', host: 'orders.internal' }, gw),
      desiredEntity('service', { name: 'billing', host: 'billing-v2.internal' }, gw),
      desiredEntity('service', { name: 'search', host: 'search.internal' }, gw),
      desiredEntity('route', { name: 'r1', service: 'orders', paths: ['/o'] }, gw),
    ]);
  const live = () => liveState([liveControlPlane(), liveService('svc-1', 'orders'), liveService('svc-2', 'billing'), liveService('svc-3', 'legacy')]);

  it('plans exactly what buildPlan plans, with live entities compared ahead', () => {
    const expected = buildPlan(desired(), live());
    expect(expected.summary).toMatchObject({ create: 2, update: 1, delete: 1 });
    expect(planAhead(desired(), live())).toEqual(expected);
    expect(createPlanner(desired()).plan(live())).toEqual(expected);
  });

  it('plans twice alike, the second plan with comparison forms of its own', () => {
    const planner = createPlanner(desired());
    const fed = live();
    planner.addLive(fed.entities);
    const first = planner.plan(fed);
    const second = planner.plan(fed);
    expect(second).toEqual(first);
    expect(first).toEqual(buildPlan(desired(), fed));
    const update = (plan: typeof first) => plan.operations.find((op) => op.action === 'update')!;
    expect(update(second).after).not.toBe(update(first).after);
  });

  it('compares again a live entity that is not the object compared ahead', () => {
    const fed = live();
    const reread = live();
    reread.entities[1] = liveService('svc-1', 'orders', { port: 8080 });
    const plan = planAhead(desired(), fed, reread);
    expect(plan.operations.map((op) => op.id)).toContain('update:service:payments/orders');
    expect(plan).toEqual(buildPlan(desired(), reread));
    // The same entity object, its fields replaced after it was fed.
    const replaced = live();
    const planner = createPlanner(desired());
    planner.addLive(replaced.entities);
    replaced.entities[1]!.fields = liveService('svc-1', 'orders', { port: 8080 }).fields;
    const again = planner.plan(replaced);
    expect(again.operations.map((op) => op.id)).toContain('update:service:payments/orders');
    expect(again).toEqual(buildPlan(desired(), replaced));
  });

  it('compares again a pair found equal ahead when the live state brings learned defaults', () => {
    // Compared ahead without learned defaults, the plugin's `enabled: true` is the static default: equal. Konnect's
    // schema (learned at the end of the read) says otherwise, and the pair is an update.
    const wanted = state([desiredEntity('plugin', { name: 'my-custom', enabled: true, config: {} }, gw)]);
    const fed = liveState([liveControlPlane(), liveEntity('plugin', { id: 'pl-1', name: 'my-custom', config: {} }, { controlPlane: CP })]);
    expect(buildPlan(wanted, fed).summary.total).toBe(0);
    const learned: LiveState = { ...fed, defaults: { 'plugin:my-custom': { ...KONNECT_DEFAULTS.plugin, enabled: false } } };
    expect(buildPlan(wanted, learned).summary.update).toBe(1);
    expect(planAhead(wanted, fed, learned)).toEqual(buildPlan(wanted, learned));
  });

  it('takes the fingerprint of a live entity that differs while comparing ahead, not of one that is equal', () => {
    const hashed: string[] = [];
    const lazy = (entity: Entity) => {
      Object.defineProperty(entity, 'fingerprint', { enumerable: true, configurable: true, get: () => (hashed.push(entity.key), { id: entity.id!, version: 'v:1' }) });
      return entity;
    };
    const fed = live();
    createPlanner(desired()).addLive(fed.entities.map(lazy));
    // billing differs, legacy and the control plane have no desired namesake; orders is equal.
    expect(hashed.sort()).toEqual(['payments', 'payments/billing', 'payments/legacy']);
  });

  it('reports a key declared twice where buildPlan does, after what it checks first', () => {
    const twice = state([desiredEntity('service', { name: 'orders', host: 'a' }, gw), desiredEntity('service', { name: 'orders', host: 'b' }, gw)]);
    const planner = createPlanner(twice);
    planner.addLive(live().entities);
    expect(() => planner.plan(live())).toThrow(/declared twice/);
  });
});
