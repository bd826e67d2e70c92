import { describe, expect, it } from 'vitest';
import { resolveIds } from '../../src/executor/resolve.js';
import { ManualClock } from '../../src/konnect/manual-clock.js';
import { FakeApi } from './fake-api.js';
import { CONTROL_PLANE, CORE, CORE_LIVE, plan, ref } from './plan-helpers.js';

function setup() {
  const clock = new ManualClock(0);
  const api = new FakeApi(clock);
  api.seed('/control-planes', [CONTROL_PLANE, { id: 'cp-2', name: 'other', config: {} }]);
  const resolver = resolveIds(plan([]), api);
  return { clock, api, resolver };
}

describe('resolveIds: lookups by natural key', () => {
  it('finds a child under its parent (target of an upstream)', async () => {
    const { api, clock, resolver } = setup();
    api.seed(`${CORE_LIVE}/upstreams`, [{ id: 'u-1', name: 'u1' }, { id: 'u-2', name: 'u1/x' }]);
    api.seed(`${CORE_LIVE}/upstreams/u-1/targets`, [{ id: 't-1', target: '10.0.0.1:80' }]);
    api.seed(`${CORE_LIVE}/upstreams/u-2/targets`, [{ id: 't-2', target: '10.0.0.1:80' }]);
    expect(await clock.runUntil(resolver.resolve('target:payments/u1/10.0.0.1:80'))).toBe('t-1');
    expect(await clock.runUntil(resolver.resolve('target:payments/u1/x/10.0.0.1:80'))).toBe('t-2');
    expect(api.count('GET', `${CORE_LIVE}/upstreams`)).toBe(1);
  });

  it('lists referenced kinds once to match identities made of references (configuration, plugin)', async () => {
    const { api, clock, resolver } = setup();
    api.seed('/cloud-gateways/configurations', [
      { id: 'cfg-2', control_plane_id: 'cp-2', dataplane_groups: [{ provider: 'aws' }] },
      { id: 'cfg-1', control_plane_id: 'cp-1', dataplane_groups: [{ provider: 'aws' }] },
    ]);
    expect(await clock.runUntil(resolver.resolve('configuration:payments'))).toBe('cfg-1');
    api.seed(`${CORE_LIVE}/services`, [{ id: 'svc-1', name: 'billing' }, { id: 'svc-2', name: 'orders' }]);
    api.seed(`${CORE_LIVE}/plugins`, [
      { id: 'p-1', name: 'rate-limiting', service: { id: 'svc-1' } },
      { id: 'p-2', name: 'rate-limiting', service: { id: 'svc-2' } },
    ]);
    expect(await clock.runUntil(resolver.resolve('plugin:payments/rate-limiting|service=orders'))).toBe('p-2');
    expect(api.log.find((e) => e.path === `${CORE_LIVE}/plugins`)!.query).toEqual({ 'filter[name][eq]': 'rate-limiting' });
    expect(api.count('GET', `${CORE_LIVE}/services`)).toBe(1);
  });

  it('renders path and body placeholders, and pinned `id:` keys without I/O', async () => {
    const { api, clock, resolver } = setup();
    resolver.record('service:payments/orders', 'svc-9');
    const path = await clock.runUntil(resolver.renderPath(`${CORE}/services/{$id:service:payments/orders}/routes`));
    expect(path).toBe(`${CORE_LIVE}/services/svc-9/routes`);
    const body = await resolver.renderBody({ service: { id: ref('service', 'payments/orders') }, consumer: { id: ref('consumer', 'payments/id:c-5') } });
    expect(body).toEqual({ service: { id: 'svc-9' }, consumer: { id: 'c-5' } });
    expect(api.count('GET', /core-entities/)).toBe(0);
  });

  it('answers from a listing already made (the stale check\'s) before asking with a filter; a miss there still asks', async () => {
    const { api, clock, resolver } = setup();
    api.seed(`${CORE_LIVE}/services`, [{ id: 'svc-1', name: 'billing' }]);
    await clock.runUntil(resolver.list('service', `${CORE_LIVE}/services`));
    expect(await clock.runUntil(resolver.resolve('service:payments/billing'))).toBe('svc-1');
    expect(api.count('GET', `${CORE_LIVE}/services`)).toBe(1);
    api.seed(`${CORE_LIVE}/services`, [{ id: 'svc-1', name: 'billing' }, { id: 'svc-2', name: 'orders' }]);
    expect(await clock.runUntil(resolver.resolve('service:payments/orders'))).toBe('svc-2');
    expect(api.log.filter((e) => e.path === `${CORE_LIVE}/services`).map((e) => e.query)).toEqual([undefined, { 'filter[name][eq]': 'orders' }]);
  });

  it('throws a typed error naming the reference when nothing matches', async () => {
    const { clock, resolver } = setup();
    await expect(clock.runUntil(resolver.resolve('network:nowhere'))).rejects.toThrow('cannot resolve the id of network:nowhere');
  });
});
