import { describe, expect, it } from 'vitest';
import { checkFingerprints, resolveIds } from '../../src/executor/index.js';
import { fingerprintOf } from '../../src/model/fingerprint.js';
import { ManualClock } from '../../src/konnect/manual-clock.js';
import { FakeApi } from './fake-api.js';
import { CONTROL_PLANE, CORE_LIVE, createCore, plan, updateCore } from './plan-helpers.js';

function setup() {
  const clock = new ManualClock(0);
  const api = new FakeApi(clock);
  api.seed('/control-planes', [CONTROL_PLANE]);
  return { clock, api };
}

const svc = (id: string, name: string, updated: number) => ({ id, name, host: `${name}.internal`, updated_at: updated });

describe('checkFingerprints', () => {
  it('finds changed and deleted entities with GETs by id; a create whose entity does not exist is fresh', async () => {
    const { api, clock } = setup();
    api.seed(`${CORE_LIVE}/services`, [svc('s1', 'same', 100), svc('s2', 'changed', 200)]);
    const p = plan([
      updateCore('service', 'same', 'services', 's1', fingerprintOf('s1', svc('s1', 'same', 100)).version, { name: 'same' }),
      updateCore('service', 'changed', 'services', 's2', fingerprintOf('s2', svc('s2', 'changed', 150)).version, { name: 'changed' }),
      updateCore('service', 'gone', 'services', 's3', 'v:1', { name: 'gone' }),
      createCore('service', 'new', 'services', { name: 'new' }),
    ]);
    const stale = await clock.runUntil(checkFingerprints(p, api));
    expect(stale).toEqual([
      {
        id: 'update:service:payments/changed',
        expected: fingerprintOf('s2', svc('s2', 'changed', 150)),
        actual: fingerprintOf('s2', svc('s2', 'changed', 200)),
        reason: 'changed',
      },
      { id: 'update:service:payments/gone', expected: { id: 's3', version: 'v:1' }, reason: 'deleted' },
    ]);
    expect(api.count('GET', /\/services\/s\d$/)).toBe(3);
    // The create is checked against one listing of the collection.
    expect(api.count('GET', `${CORE_LIVE}/services`)).toBe(1);
  });

  it('a create whose entity now exists makes the plan stale (e.g. the plan was already applied)', async () => {
    const { api, clock } = setup();
    api.seed(`${CORE_LIVE}/services`, [svc('s9', 'new', 5)]);
    const p = plan([createCore('service', 'new', 'services', { name: 'new' }), createCore('service', 'other', 'services', { name: 'other' })]);
    const stale = await clock.runUntil(checkFingerprints(p, api));
    expect(stale).toEqual([{ id: 'create:service:payments/new', actual: fingerprintOf('s9', svc('s9', 'new', 5)), reason: 'exists' }]);
    expect(api.count('GET', `${CORE_LIVE}/services`)).toBe(1);
  });

  it('a create under a control plane that does not exist yet is fresh', async () => {
    const clock = new ManualClock(0);
    const api = new FakeApi(clock);
    api.seed('/control-planes', []);
    const p = plan([createCore('service', 'new', 'services', { name: 'new' })]);
    expect(await clock.runUntil(checkFingerprints(p, api))).toEqual([]);
  });

  it('lists a collection once when that is cheaper, and shares lookups with the executor', async () => {
    const { api, clock } = setup();
    const items = Array.from({ length: 6 }, (_, i) => svc(`s${i}`, `n${i}`, 10));
    api.seed(`${CORE_LIVE}/services`, items);
    const ops = items.map((item) => updateCore('service', String(item.name), 'services', item.id, fingerprintOf(item.id, item).version, { name: item.name }));
    ops[0]!.fingerprint = { id: 's0', version: 'v:9' };
    const p = plan(ops);
    const resolver = resolveIds(p, api);
    const stale = await clock.runUntil(checkFingerprints(p, api, { resolver }));
    expect(stale.map((s) => s.id)).toEqual(['update:service:payments/n0']);
    expect(api.count('GET', `${CORE_LIVE}/services`)).toBe(1);
    expect(api.count('GET', /\/services\/s\d$/)).toBe(0);
    expect(resolver.known('control_plane:payments')).toBe('cp-1');
    expect(api.count('GET', '/control-planes')).toBe(1);
  });

  it('a listing made for the fingerprints also answers the creates: the collection is listed once', async () => {
    const { api, clock } = setup();
    const items = Array.from({ length: 5 }, (_, i) => svc(`s${i}`, `n${i}`, 10));
    api.seed(`${CORE_LIVE}/services`, [...items, svc('s9', 'made', 10)]);
    const ops = items.map((item) => updateCore('service', String(item.name), 'services', item.id, fingerprintOf(item.id, item).version, { name: item.name }));
    const p = plan([...ops, createCore('service', 'made', 'services', { name: 'made' })]);
    const stale = await clock.runUntil(checkFingerprints(p, api));
    expect(stale.map((s) => s.id)).toEqual(['create:service:payments/made']);
    expect(api.count('GET', `${CORE_LIVE}/services`)).toBe(1);
  });
});
