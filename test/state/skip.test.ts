import { describe, expect, it } from 'vitest';
import { skipAll, skipInDesired, skipInLive } from '../../src/state/skip.js';
import { CP, desiredEntity, desiredState, gatewayClaims, liveEntity, liveState } from '../diff/helpers.js';

const gw = { controlPlane: CP };
const desired = desiredState(
  [
    desiredEntity('service', { name: 'orders', host: 'h', ca_certificates: ['cert-1'] }, gw),
    desiredEntity('consumer', { username: 'alice' }, gw),
    desiredEntity('key_auth', { consumer: 'alice', key: 'k' }, gw),
    desiredEntity('plugin', { name: 'cors', consumer: 'alice' }, gw),
    desiredEntity('plugin', { name: 'cors', service: 'orders' }, gw),
  ],
  { claims: gatewayClaims(CP) },
);

describe('decK --skip-consumers / --skip-ca-certificates', () => {
  it('drops consumers and what belongs to them from the desired state and its claims', () => {
    const skipped = skipInDesired(desired, ['consumer', 'consumer_group']);
    expect(skipped.entities.map((e) => e.kind)).toEqual(['service', 'plugin']);
    const claimed = new Set(skipped.claims.map((claim) => claim.kind));
    for (const kind of ['consumer', 'consumer_group', 'key_auth', 'consumer_group_member'] as const) expect(claimed.has(kind)).toBe(false);
    expect(claimed.has('plugin')).toBe(true);
  });

  it('a service using CA certificates is not skipped with them (it uses them, it does not belong to them)', () => {
    expect(skipInDesired(desired, ['ca_certificate']).entities.map((e) => e.kind)).toContain('service');
  });

  it('live: a consumer plugin leaves (the plugins claim would delete it); the consumer stays readable for references', () => {
    const live = liveState([
      liveEntity('consumer', { id: 'c-1', username: 'alice' }, { controlPlane: CP }),
      liveEntity('plugin', { id: 'p-1', name: 'cors', consumer: { id: 'c-1' } }, { controlPlane: CP, ids: { 'c-1': 'alice' } }),
    ]);
    expect(skipInLive(live, ['consumer', 'consumer_group']).entities.map((e) => e.kind)).toEqual(['consumer']);
    expect(skipAll(live.entities, ['consumer', 'consumer_group'])).toEqual([]);
  });
});
