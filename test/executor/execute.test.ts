import { describe, expect, it } from 'vitest';
import { executePlan, type ExecuteOptions, type ProgressEvent } from '../../src/executor/index.js';
import { ManualClock } from '../../src/konnect/manual-clock.js';
import type { Plan } from '../../src/model/plan.js';
import { FakeApi } from './fake-api.js';
import { CONTROL_PLANE, CORE_LIVE, CP, createCore, plan, ref, replaceCore, updateCore } from './plan-helpers.js';

function setup() {
  const clock = new ManualClock(0);
  const api = new FakeApi(clock);
  api.seed('/control-planes', [CONTROL_PLANE]);
  const events: ProgressEvent[] = [];
  const run = (p: Plan, options: Partial<ExecuteOptions> = {}) =>
    clock.runUntil(executePlan(p, api, { env: {}, clock, random: () => 0.5, onProgress: (e) => events.push(e), ...options }));
  return { clock, api, events, run };
}

const svc = (name: string, deps: string[] = []) => createCore('service', name, 'services', { name, host: `${name}.internal` }, deps);
const route = (name: string, service: string) =>
  createCore('route', name, 'routes', { name, paths: [`/${name}`], service: { id: ref('service', `${CP}/${service}`) } }, [`create:service:${CP}/${service}`]);
const plugin = (name: string, routeName: string) =>
  createCore('plugin', `${name}|route=${routeName}`, 'plugins', { name, route: { id: ref('route', `${CP}/${routeName}`) } }, [`create:route:${CP}/${routeName}`]);

describe('executePlan: dependency graph', () => {
  it('starts an operation as soon as its own dependencies are done, not at a per-kind barrier', async () => {
    const { api, run } = setup();
    api.latency = (method, path) => (method === 'POST' && path.endsWith('/services') && api.count('POST', /\/services$/) === 1 ? 500 : 10);
    // slow: service "slow" (500 ms) → route → plugin; fast: service "fast" → route.
    const p = plan([svc('slow'), svc('fast'), route('r-slow', 'slow'), route('r-fast', 'fast'), plugin('cors', 'r-slow')]);
    const report = await run(p);
    expect(report.failed).toBe(0);
    expect(report.applied).toBe(5);
    const posts = api.log.filter((e) => e.method === 'POST');
    const slowService = posts.find((e) => (e.body as { name: string }).name === 'slow')!;
    const fastRoute = posts.find((e) => (e.body as { name: string }).name === 'r-fast')!;
    const slowRoute = posts.find((e) => (e.body as { name: string }).name === 'r-slow')!;
    // The fast chain's route was sent and finished while the slow service was still in flight: a per-kind
    // barrier (all services, then all routes) could not do that.
    expect(fastRoute.endedAt!).toBeLessThan(slowService.endedAt!);
    expect(slowRoute.startedAt).toBeGreaterThanOrEqual(slowService.endedAt!);
    const cors = posts.find((e) => (e.body as { name: string }).name === 'cors')!;
    expect(cors.startedAt).toBeGreaterThanOrEqual(slowRoute.endedAt!);
  });

  it('bounds the operations in flight', async () => {
    const { api, run } = setup();
    const ops = Array.from({ length: 40 }, (_, i) => svc(`s${i}`));
    const report = await run(plan(ops), { maxInFlight: 8 });
    expect(report.applied).toBe(40);
    expect(api.maxInFlight).toBeLessThanOrEqual(8);
    expect(api.maxInFlight).toBeGreaterThan(1);
  });

  it('reports a dependency cycle as skipped instead of hanging', async () => {
    const { run } = setup();
    const a = svc('a', ['create:service:payments/b']);
    const b = svc('b', ['create:service:payments/a']);
    const report = await run(plan([a, b, svc('c')]));
    expect(report.results.map((r) => r.outcome)).toEqual(['skipped', 'skipped', 'applied']);
    expect(report.results[0]!.message).toMatch(/cycle/);
  });
});

describe('executePlan: placeholders and env', () => {
  it('fills ids from create responses and looks up the rest by natural key, once each', async () => {
    const { api, run } = setup();
    api.seed(`${CORE_LIVE}/consumer_groups`, [{ id: 'cg-9', name: 'gold' }]);
    const member = createCore('consumer', 'alice', 'consumers', { username: 'alice' });
    const joins = createCore('consumer_group_member', 'gold/alice', 'consumer_groups/{$id:consumer_group:payments/gold}/consumers', {
      consumer: ref('consumer', `${CP}/alice`),
    }, ['create:consumer:payments/alice']);
    const report = await run(plan([svc('orders'), route('orders-r', 'orders'), member, joins]));
    expect(report.failed).toBe(0);
    const serviceId = api.collections.get(`${CORE_LIVE}/services`)![0]!.id;
    const routeSent = api.log.find((e) => e.method === 'POST' && e.path.endsWith('/routes'))!;
    expect(routeSent.path).toBe(`${CORE_LIVE}/routes`);
    expect(routeSent.body).toMatchObject({ service: { id: serviceId } });
    const consumerId = api.collections.get(`${CORE_LIVE}/consumers`)![0]!.id;
    const memberSent = api.log.find((e) => e.path.includes('/consumer_groups/'))!;
    expect(memberSent.path).toBe(`${CORE_LIVE}/consumer_groups/cg-9/consumers`);
    expect(memberSent.body).toEqual({ consumer: consumerId });
    // The control plane was looked up once (by name filter), the consumer group once (by listing).
    expect(api.log.filter((e) => e.method === 'GET' && e.path === '/control-planes')).toHaveLength(1);
    expect(api.log.find((e) => e.path === '/control-planes')!.query).toEqual({ 'filter[name][eq]': CP });
    expect(api.count('GET', `${CORE_LIVE}/consumer_groups`)).toBe(1);
  });

  it('uses the ids of the plan fingerprints without looking them up', async () => {
    const { api, run } = setup();
    api.seed(`${CORE_LIVE}/services`, [{ id: 'svc-7', name: 'orders', host: 'old' }]);
    const update = updateCore('service', 'orders', 'services', 'svc-7', 'v:1', { name: 'orders', host: 'new' });
    const r = createCore('route', 'r', 'routes', { name: 'r', service: { id: ref('service', `${CP}/orders`) } }, [update.id]);
    const report = await run(plan([update, r]));
    expect(report.failed).toBe(0);
    expect(api.log.find((e) => e.method === 'PUT')!.path).toBe(`${CORE_LIVE}/services/svc-7`);
    expect(api.log.find((e) => e.path.endsWith('/routes'))!.body).toMatchObject({ service: { id: 'svc-7' } });
    expect(api.count('GET', /services/)).toBe(0);
  });

  it('fails an operation whose referenced entity does not exist', async () => {
    const { run } = setup();
    const report = await run(plan([route('lonely', 'ghost')]));
    expect(report.results[0]).toMatchObject({ outcome: 'skipped' });
    const direct = createCore('route', 'r2', 'routes', { name: 'r2', service: { id: ref('service', `${CP}/ghost`) } });
    const again = await setup().run(plan([direct]));
    expect(again.results[0]).toMatchObject({ outcome: 'failed', message: expect.stringContaining('service:payments/ghost') });
  });

  it('renders env expressions from options.env and fails on a missing variable without printing values', async () => {
    const { api, run, events } = setup();
    const withSecret = createCore('plugin', 'key-auth', 'plugins', { name: 'key-auth', config: { key: 'Bearer ${{ env "DECK_TOKEN" }}' } });
    const report = await run(plan([withSecret]), { env: { DECK_TOKEN: 's3cret-value' } });
    expect(report.applied).toBe(1);
    expect(api.log[api.log.length - 1]!.body).toMatchObject({ config: { key: 'Bearer s3cret-value' } });

    const missing = createCore('plugin', 'basic', 'plugins', { name: 'basic', config: { key: '${{ env "DECK_MISSING" }}' } });
    const after = svc('after', [missing.id]);
    const second = await run(plan([missing, after]), { env: { DECK_TOKEN: 's3cret-value' } });
    expect(second.results[0]).toMatchObject({ outcome: 'failed', message: expect.stringContaining('DECK_MISSING') });
    expect(second.results[1]).toMatchObject({ outcome: 'skipped', message: `blocked by failed ${missing.id}` });
    expect(JSON.stringify(second)).not.toContain('s3cret');
    expect(JSON.stringify(events)).not.toContain('s3cret');
  });
});

describe('executePlan: failure containment', () => {
  it('skips what depends on a failure, transitively, and finishes independent branches', async () => {
    const { api, run } = setup();
    api.faults.push({ method: 'POST', path: /\/services$/, status: 400, message: 'schema violation (host: invalid value)', times: 1 });
    const p = plan([svc('bad'), svc('good'), route('r-bad', 'bad'), route('r-good', 'good'), plugin('cors', 'r-bad')]);
    const report = await run(p);
    expect(report).toMatchObject({ applied: 2, failed: 1, skipped: 2, pending: 0, aborted: false });
    const byId = new Map(report.results.map((r) => [r.id, r]));
    expect(byId.get('create:service:payments/bad')).toMatchObject({ outcome: 'failed', message: 'schema violation (host: invalid value)' });
    expect(byId.get('create:route:payments/r-bad')).toMatchObject({ outcome: 'skipped', message: 'blocked by failed create:service:payments/bad' });
    expect(byId.get('create:plugin:payments/cors|route=r-bad')).toMatchObject({ outcome: 'skipped', message: 'blocked by failed create:service:payments/bad' });
    expect(byId.get('create:route:payments/r-good')!.outcome).toBe('applied');
    expect(api.count('POST', /\/routes$/)).toBe(1);
  });

  it('runs a replace as delete then create, and says so when the create fails', async () => {
    const { api, run } = setup();
    api.seed(`${CORE_LIVE}/services`, [{ id: 'old-1', name: 'orders' }]);
    const replace = replaceCore('service', 'orders', 'services', 'old-1', { name: 'orders', host: 'x' });
    const r = route('r', 'orders');
    r.dependsOn = [replace.id];
    const report = await run(plan([replace, r]));
    expect(report.applied).toBe(2);
    expect(api.log.map((e) => e.method).filter((m) => m !== 'GET')).toEqual(['DELETE', 'POST', 'POST']);
    const newId = api.collections.get(`${CORE_LIVE}/services`)![0]!.id;
    expect(newId).not.toBe('old-1');
    expect(api.log.find((e) => e.path.endsWith('/routes'))!.body).toMatchObject({ service: { id: newId } });

    const second = setup();
    second.api.seed(`${CORE_LIVE}/services`, [{ id: 'old-2', name: 'orders' }]);
    second.api.faults.push({ method: 'POST', path: /\/services$/, status: 400, message: 'host is invalid' });
    const failed = await second.run(plan([replaceCore('service', 'orders', 'services', 'old-2', { name: 'orders' })]));
    expect(failed.results[0]!.outcome).toBe('failed');
    expect(failed.results[0]!.message).toBe('service payments/orders was deleted but not re-created: host is invalid');
  });

  it('does not duplicate a create whose response was lost: recover finds it by natural key', async () => {
    const { api, run } = setup();
    api.loseResponses = 1;
    const report = await run(plan([svc('orders'), route('r', 'orders')]));
    expect(report.failed).toBe(0);
    expect(api.recovered).toBe(1);
    expect(api.collections.get(`${CORE_LIVE}/services`)).toHaveLength(1);
    const id = api.collections.get(`${CORE_LIVE}/services`)![0]!.id;
    expect(api.log.find((e) => e.path.endsWith('/routes'))!.body).toMatchObject({ service: { id } });
  });
});

describe('executePlan: abort', () => {
  it('stops starting operations and reports the rest as skipped', async () => {
    const { run } = setup();
    const controller = new AbortController();
    const ops = [svc('a'), route('ra', 'a'), svc('b', ['create:route:payments/ra']), svc('c', ['create:service:payments/b'])];
    const report = await run(plan(ops), {
      signal: controller.signal,
      maxInFlight: 1,
      onProgress: (e) => {
        if (e.state === 'done' && e.id === 'create:service:payments/a') controller.abort();
      },
    });
    expect(report.aborted).toBe(true);
    expect(report.results.map((r) => r.outcome)).toEqual(['applied', 'skipped', 'skipped', 'skipped']);
    expect(report.results[1]!.message).toBe('aborted before it started');
  });
});
