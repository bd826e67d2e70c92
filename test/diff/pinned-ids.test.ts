import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/diff/index.js';
import { CP, desiredEntity, desiredState, gatewayClaims, liveControlPlane, liveEntity, liveState } from './helpers.js';

const PINNED = '5b1c6f0e-8f5e-4c1a-9d55-0a3e1f7c2b10';
const plan = (pin: string | undefined) => {
  const desired = desiredEntity('service', { name: 'orders', host: 'orders.internal' }, { controlPlane: CP });
  if (pin !== undefined) desired.id = pin;
  const live = liveEntity('service', { id: 'svc-1', name: 'orders', host: 'orders.internal' }, { controlPlane: CP, ids: { 'cp-1': CP } });
  return buildPlan(desiredState([desired], { claims: gatewayClaims(CP) }), liveState([liveControlPlane(), live]));
};

describe('pinned ids (decK ends with the id the file pins)', () => {
  it('a pinned id that differs from the live one of the same name replaces it, marked destructive, created with the pinned id', () => {
    const p = plan(PINNED);
    expect(p.operations.map((op) => op.id)).toEqual([`replace:service:${CP}/orders`]);
    const op = p.operations[0]!;
    expect(op.destructive).toBe(true);
    expect(op.reason).toContain(`pins id ${PINNED}`);
    expect(op.requests.map((r) => r.method)).toEqual(['DELETE', 'POST']);
    expect(op.requests[1]!.body).toMatchObject({ id: PINNED, name: 'orders' });
  });

  it('the same id, or none pinned, is no change', () => {
    expect(plan('svc-1').operations).toEqual([]);
    expect(plan(undefined).operations).toEqual([]);
  });
});
