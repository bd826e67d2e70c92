import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/diff/index.js';
import type { Entity } from '../../src/model/entity.js';
import { desiredState, liveState } from './helpers.js';
import { everythingClaimed, konnectShapedLive, matchingDesired } from './fixture.js';

const plan = (desired: Entity[], live: Entity[]) => buildPlan(desiredState(desired, { claims: everythingClaimed() }), liveState(live));

describe('no false drift against Konnect-shaped live objects', () => {
  it('plans nothing when the files match what Konnect returns with its defaults, state fields and rewrites', () => {
    const result = plan(matchingDesired(), konnectShapedLive());
    expect(result.operations).toEqual([]);
    expect(result.summary.total).toBe(0);
  });

  it('never deletes the konnect-managed partial even though partials are claimed', () => {
    const result = plan(matchingDesired(), konnectShapedLive());
    expect(result.operations.find((op) => op.key.includes('konnect-managed'))).toBeUndefined();
  });

  it('does not mutate its inputs', () => {
    const desired = matchingDesired();
    const live = konnectShapedLive();
    const snapshot = JSON.stringify({ desired, live });
    plan(desired, live);
    expect(JSON.stringify({ desired, live })).toBe(snapshot);
  });

  it.each([
    ['service', 'orders', (e: Entity) => ({ ...e.fields, retries: 3 })],
    ['partial', 'redis', (e: Entity) => ({ ...e.fields, config: { host: 'redis.internal', read_timeout: 5000, send_timeout: 3000 } })],
    ['add_on', 'payments-cache', (e: Entity) => ({ ...e.fields, config: { kind: 'managed-cache.v0', capacity_config: { kind: 'tiered', tier: 'medium' } } })],
  ])('still sees a real change on %s %s', (kind, name, change) => {
    const desired = matchingDesired().map((e) => (e.kind === kind && e.key.endsWith(name) ? { ...e, fields: change(e) } : e));
    const result = plan(desired, konnectShapedLive());
    expect(result.summary.total).toBe(1);
    expect(result.operations.some((op) => op.kind === kind && op.action !== 'wait')).toBe(true);
  });

  // Was in the table above (a one-operation plan): the configuration that uses the network now blocks its replacement.
  it('still sees a real change on network prod-use2 (a replacement its configuration blocks)', () => {
    const desired = matchingDesired().map((e) => (e.kind === 'network' ? { ...e, fields: { ...e.fields, availability_zones: ['use2-az1', 'use2-az2'] } } : e));
    expect(() => plan(desired, konnectShapedLive())).toThrow(/cloud gateway network prod-use2 must be replaced \(availability_zones cannot change in place\)/);
  });

  it('an RLA namespace set in the file is compared (only an omitted one is the server’s to generate)', () => {
    const desired = matchingDesired().map((e) =>
      e.key === 'payments/rate-limiting-advanced|service=orders' ? { ...e, fields: { ...e.fields, config: { limit: [100], window_size: [60], namespace: 'mine' } } } : e,
    );
    const ops = plan(desired, konnectShapedLive()).operations;
    expect(ops.map((op) => op.id)).toEqual(['update:plugin:payments/rate-limiting-advanced|service=orders']);
    expect(ops[0]!.patch).toEqual([{ op: 'replace', path: '/config/namespace', value: 'mine' }]);
  });
});
