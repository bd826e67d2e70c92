import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/diff/index.js';
import type { Entity } from '../../src/model/entity.js';
import type { Plan } from '../../src/model/plan.js';
import { CP, desiredEntity, desiredState, gatewayClaims, liveControlPlane, liveEntity, liveState } from './helpers.js';

const ids = { 'cp-1': CP, 'svc-1': 'orders', 'r-1': 'orders-route', 'c-1': 'alice', 'c-2': 'bob' };
const gw = { controlPlane: CP };
const plan = (desired: Entity[], live: Entity[]): Plan => buildPlan(desiredState(desired, { claims: gatewayClaims(CP) }), liveState([liveControlPlane(), ...live]));
const deps = (p: Plan, id: string): string[] => {
  const op = p.operations.find((one) => one.id === id);
  if (!op) throw new Error(`no ${id} in ${p.operations.map((one) => one.id).join(', ')}`);
  return op.dependsOn;
};

describe('deletes and the creates beside them', () => {
  const service = desiredEntity('service', { name: 'orders', host: 'orders.internal' }, gw);
  const route = desiredEntity('route', { name: 'orders-route', service: 'orders', paths: ['/orders'] }, gw);
  const liveService = liveEntity('service', { id: 'svc-1', name: 'orders', host: 'orders.internal' }, { controlPlane: CP, ids });
  const liveRoute = liveEntity('route', { id: 'r-1', name: 'orders-route', service: { id: 'svc-1' }, paths: ['/orders'] }, { controlPlane: CP, ids });

  it('a plugin renamed on a route (cors → corz): the create first, the delete after it', () => {
    const p = plan(
      [service, route, desiredEntity('plugin', { name: 'corz', route: 'orders-route' }, gw)],
      [liveService, liveRoute, liveEntity('plugin', { id: 'p-1', name: 'cors', route: { id: 'r-1' } }, { controlPlane: CP, ids })],
    );
    expect(deps(p, `delete:plugin:${CP}/cors|route=orders-route`)).toEqual([`create:plugin:${CP}/corz|route=orders-route`]);
    expect(deps(p, `create:plugin:${CP}/corz|route=orders-route`)).toEqual([]);
    const order = p.operations.map((op) => op.id);
    expect(order.indexOf(`create:plugin:${CP}/corz|route=orders-route`)).toBeLessThan(order.indexOf(`delete:plugin:${CP}/cors|route=orders-route`));
  });

  it('a plugin on another route is not held back by it', () => {
    const other = desiredEntity('route', { name: 'other', service: 'orders', paths: ['/other'] }, gw);
    const p = plan(
      [service, route, other, desiredEntity('plugin', { name: 'corz', route: 'other' }, gw)],
      [liveService, liveRoute, liveEntity('plugin', { id: 'p-1', name: 'cors', route: { id: 'r-1' } }, { controlPlane: CP, ids })],
    );
    expect(deps(p, `delete:plugin:${CP}/cors|route=orders-route`)).toEqual([]);
  });

  it('a consumer keeping its custom_id under a new username is that consumer renamed (decK finds it by custom_id), not delete + create', () => {
    const p = plan(
      [desiredEntity('consumer', { username: 'carol', custom_id: 'crm-7' }, gw)],
      [liveEntity('consumer', { id: 'c-1', username: 'alice', custom_id: 'crm-7' }, { controlPlane: CP, ids })],
    );
    expect(p.operations.map((op) => op.id)).toEqual([`update:consumer:${CP}/carol`]);
    expect(p.operations[0]).toMatchObject({ renamedFrom: `${CP}/alice`, requests: [{ method: 'PUT', path: expect.stringContaining(`/consumers/{$id:consumer:${CP}/alice}`) }] });
  });

  it('an update that takes a unique value of a deleted entity waits for the delete; other deletes wait for the update', () => {
    const p = plan(
      [desiredEntity('consumer', { username: 'bob', custom_id: 'crm-7' }, gw)],
      [
        liveEntity('consumer', { id: 'c-1', username: 'alice', custom_id: 'crm-7' }, { controlPlane: CP, ids }),
        liveEntity('consumer', { id: 'c-2', username: 'bob', custom_id: 'crm-1' }, { controlPlane: CP, ids }),
      ],
    );
    expect(deps(p, `update:consumer:${CP}/bob`)).toEqual([`delete:consumer:${CP}/alice`]);
  });

  it('a service and its routes renamed: route deletes still precede the service delete, the new ones are created first', () => {
    const p = plan(
      [desiredEntity('service', { name: 'orders-v2', host: 'orders.internal' }, gw), desiredEntity('route', { name: 'orders-route-v2', service: 'orders-v2', paths: ['/orders'] }, gw)],
      [liveService, liveRoute],
    );
    expect(deps(p, `delete:service:${CP}/orders`)).toEqual(expect.arrayContaining([`delete:route:${CP}/orders-route`, `create:service:${CP}/orders-v2`]));
    expect(deps(p, `create:route:${CP}/orders-route-v2`)).toEqual([`create:service:${CP}/orders-v2`]);
  });
});
