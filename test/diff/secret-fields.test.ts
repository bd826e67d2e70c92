import { describe, expect, it } from 'vitest';
import { isSecretField, maskSecretFields, redactLive, MASKED } from '../../src/model/secret-fields.js';
import { buildPlan } from '../../src/diff/index.js';
import { CP, desiredEntity, desiredState, gatewayClaims, liveControlPlane, liveEntity, liveState } from './helpers.js';

describe('secret fields', () => {
  it('matches dotted patterns with * and **', () => {
    expect(isSecretField(['config.**.password'], ['config', 'password'])).toBe(true);
    expect(isSecretField(['config.**.password'], ['config', 'redis', 'password'])).toBe(true);
    expect(isSecretField(['config.**.password'], ['config', 'redis', 'password_file'])).toBe(false);
    expect(isSecretField(['key'], ['key'])).toBe(true);
    expect(isSecretField(['key'], ['config', 'key'])).toBe(false);
  });

  it('masks through arrays and wildcards, and leaves branches no pattern reaches as they are', () => {
    const value = { name: 'n', config: { redis: [{ password: 'pw', host: 'h' }], other: { deep: 'd' } }, tags: ['t'] };
    const masked = maskSecretFields(value, ['config.**.password', 'config.*.token']) as typeof value;
    expect(masked).toEqual({ name: 'n', config: { redis: [{ password: MASKED, host: 'h' }], other: { deep: 'd' } }, tags: ['t'] });
    expect(value.config.redis[0]!.password).toBe('pw');
    expect(masked.tags).toBe(value.tags);
    expect(maskSecretFields({ a: { b: 'x' } }, ['a.b.c'])).toEqual({ a: { b: 'x' } });
    expect(maskSecretFields({ a: { b: { c: 'x', d: 'y' } } }, ['*.b.c'])).toEqual({ a: { b: { c: MASKED, d: 'y' } } });
    expect(maskSecretFields({ a: { b: 'x' } }, ['**'])).toEqual({ a: { b: MASKED } });
  });

  it('copies only what it masks: a value with no secret in it comes back as it is', () => {
    const value = { name: 'n', config: { redis: { host: 'h', password: 'pw' }, other: { deep: ['d'] } }, tags: ['t'] };
    const masked = maskSecretFields(value, ['config.**.password']) as typeof value;
    expect(masked.config.redis).toEqual({ host: 'h', password: MASKED });
    expect(masked.config.other).toBe(value.config.other);
    const plain = { name: 'n', config: { redis: { host: 'h' } } };
    expect(maskSecretFields(plain, ['config.**.password'])).toBe(plain);
    expect(redactLive(plain, { name: 'n', config: { redis: { host: 'h2' } } }, ['config.**.password'])).toBe(plain);
    expect(redactLive(plain, plain, [])).toBe(plain);
  });

  it('masks at any of many user-chosen keys (more than a pattern list keeps per path)', () => {
    const headers = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`h${i}`, { token: `secret-${i}`, name: `n${i}` }]));
    const masked = maskSecretFields({ config: { headers } }, ['config.headers.*.token']) as { config: { headers: typeof headers } };
    expect(Object.values(masked.config.headers).every((header) => header.token === MASKED)).toBe(true);
    expect(masked.config.headers.h1499!.name).toBe('n1499');
    expect(JSON.stringify(masked)).not.toContain('secret-');
  });

  it('masks secret fields and the live side of env-sourced fields, nothing else', () => {
    const live = { config: { host: 'h', password: 'old-pw', add: { headers: ['x:old-secret', 'y:plain'] } }, tags: ['a'] };
    const desired = { config: { host: 'h2', password: 'new-pw', add: { headers: ['x:${{ env "DECK_X" }}', 'y:plain'] } }, tags: ['a'] };
    expect(redactLive(live, desired, ['config.**.password'])).toEqual({
      config: { host: 'h', password: MASKED, add: { headers: [MASKED, MASKED] } },
      tags: ['a'],
    });
    expect(maskSecretFields(desired, ['config.**.password'])).toMatchObject({ config: { host: 'h2', password: MASKED } });
  });

  it('keeps the old value of a rotated env-sourced field out of the plan', () => {
    const desired = desiredState([desiredEntity('plugin', { name: 'request-transformer', config: { add: { headers: ['x:new-value-1'] } } }, { controlPlane: CP })], {
      claims: gatewayClaims(CP),
      env: [{ name: 'DECK_X', value: 'new-value-1' }],
    });
    const live = liveState([liveControlPlane(), liveEntity('plugin', { id: 'p1', name: 'request-transformer', config: { add: { headers: ['x:old-value-1'] } } }, { controlPlane: CP })]);
    const plan = buildPlan(desired, live);
    const text = JSON.stringify(plan);
    expect(plan.summary.update).toBe(1);
    expect(text).not.toContain('old-value-1');
    expect(text).not.toContain('new-value-1');
  });
});
