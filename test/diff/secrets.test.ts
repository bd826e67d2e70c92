import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/diff/index.js';
import { secretRewriter } from '../../src/diff/secrets.js';
import { CP, desiredEntity, desiredState, gatewayClaims, liveControlPlane, liveEntity, liveState } from './helpers.js';

const gw = { controlPlane: CP };
const OLD = 'retired-s3cr3t-9f2c';
const ids = { 's-1': 'orders', 'cp-1': CP };

/** Live state still holds OLD (a header the files dropped, a service host, a plugin the files no longer list). */
function liveWithOldSecret() {
  return [
    liveControlPlane(),
    liveEntity('service', { id: 's-1', name: 'orders', host: OLD }, { controlPlane: CP }),
    liveEntity(
      'plugin',
      { id: 'p-1', name: 'request-transformer', service: { id: 's-1' }, config: { add: { headers: [`Authorization:Bearer ${OLD}`] } } },
      { controlPlane: CP, ids },
    ),
    liveEntity('plugin', { id: 'p-2', name: 'key-auth', service: { id: 's-1' }, config: { key_names: [OLD] } }, { controlPlane: CP, ids }),
  ];
}

describe('DECK_ values the files do not render', () => {
  it('never appear in the plan, even when only live state holds them (before, after, patch, bodies)', () => {
    const desired = [
      desiredEntity('service', { name: 'orders', host: 'orders.internal' }, gw),
      desiredEntity('plugin', { name: 'request-transformer', service: 'orders', config: { add: { headers: ['X-Plain:1'] } } }, gw),
    ];
    const secrets = [{ name: 'DECK_OLD_TOKEN', value: OLD }];
    const plan = buildPlan(desiredState(desired, { claims: gatewayClaims(CP), secrets }), liveState(liveWithOldSecret()));
    expect(plan.operations.map((op) => op.action).sort()).toEqual(['delete', 'update', 'update']);
    const text = JSON.stringify(plan);
    expect(text).not.toContain(OLD);
    expect(text).toContain('Bearer ${{ env \\"DECK_OLD_TOKEN\\" }}');
    // Only a `before` holds it: apply does not need the variable.
    expect(plan.env).toEqual([]);
  });

  it('without the environment variable the same plan would leak it (the test can fail)', () => {
    const desired = [desiredEntity('service', { name: 'orders', host: 'orders.internal' }, gw)];
    const plan = buildPlan(desiredState(desired, { claims: gatewayClaims(CP) }), liveState(liveWithOldSecret()));
    expect(JSON.stringify(plan)).toContain(OLD);
  });

  it('a value a request body sends becomes an expression that plan.env lists for apply', () => {
    const desired = [desiredEntity('service', { name: 'orders', host: OLD, path: `/v1/${OLD}` }, gw)];
    const secrets = [{ name: 'DECK_HOST', value: OLD }];
    const plan = buildPlan(desiredState(desired, { claims: gatewayClaims(CP), secrets }), liveState([liveControlPlane()]));
    const body = plan.operations.find((op) => op.action === 'create')!.requests[0]!.body!;
    expect(body.host).toBe('${{ env "DECK_HOST" }}');
    expect(body.path).toBe('/v1/${{ env "DECK_HOST" }}');
    expect(JSON.stringify(plan)).not.toContain(OLD);
    expect(plan.env).toEqual(['DECK_HOST']);
  });

  it('the rendered name wins when a rendered and an unrendered variable hold the same value', () => {
    const desired = [desiredEntity('service', { name: 'orders', host: OLD }, gw)];
    const state = desiredState(desired, { claims: gatewayClaims(CP), env: [{ name: 'DECK_Z_HOST', value: OLD }], secrets: [{ name: 'DECK_A_OTHER', value: OLD }, { name: 'DECK_Z_HOST', value: OLD }] });
    const plan = buildPlan(state, liveState([liveControlPlane()]));
    expect(plan.env).toEqual(['DECK_Z_HOST']);
  });
});

describe('secretRewriter', () => {
  it('matches unrendered values as whole words of 3+ characters, rendered ones anywhere', () => {
    const rewrite = secretRewriter([{ name: 'DECK_R', value: 'ab' }], [{ name: 'DECK_FLAG', value: 'off' }, { name: 'DECK_ONE', value: '1' }])!;
    const used = new Set<string>();
    expect(rewrite({ a: 'off', b: 'office', c: 'turn off now', d: '1', e: 'ab', f: 'xab' }, used)).toEqual({
      a: '${{ env "DECK_FLAG" }}',
      b: 'office',
      c: 'turn ${{ env "DECK_FLAG" }} now',
      d: '1',
      e: '${{ env "DECK_R" }}',
      f: 'xab',
    });
    expect([...used].sort()).toEqual(['DECK_FLAG', 'DECK_R']);
  });

  it('leaves {"$id"} placeholders alone and returns undefined when there is nothing to hide', () => {
    const rewrite = secretRewriter([], [{ name: 'DECK_K', value: 'service:orders' }])!;
    expect(rewrite({ service: { $id: 'service:orders' }, note: 'service:orders' })).toEqual({ service: { $id: 'service:orders' }, note: '${{ env "DECK_K" }}' });
    expect(secretRewriter([], [{ name: 'DECK_X', value: 'no' }])).toBeUndefined();
  });
});
