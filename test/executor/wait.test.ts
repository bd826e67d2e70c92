import { describe, expect, it } from 'vitest';
import { executePlan, type ExecuteOptions, type ProgressEvent } from '../../src/executor/index.js';
import { ManualClock } from '../../src/konnect/manual-clock.js';
import type { JsonObject } from '../../src/model/json.js';
import type { Operation, Plan, ReadinessCheck } from '../../src/model/plan.js';
import { FakeApi } from './fake-api.js';
import { CONTROL_PLANE, createPlatform, plan, ref, waitOp } from './plan-helpers.js';

const NETWORKS = '/cloud-gateways/networks';
/** The first POST of a fresh FakeApi gets `id-1`. */
const NETWORK_PATH = `${NETWORKS}/id-1`;

const networkReady: ReadinessCheck = { api: 'cloud-gateways', path: `${NETWORKS}/{$id:network:prod}`, statePath: 'state', ready: ['ready'], failed: ['terminated'] };

function setup(states: JsonObject[]) {
  const clock = new ManualClock(0);
  const api = new FakeApi(clock);
  api.seed('/control-planes', [CONTROL_PLANE]);
  api.scripted.set(NETWORK_PATH, states);
  const events: ProgressEvent[] = [];
  const run = (p: Plan, options: Partial<ExecuteOptions> = {}) =>
    clock.runUntil(executePlan(p, api, { env: {}, clock, random: () => 0.5, onProgress: (e) => events.push(e), ...options }));
  return { clock, api, events, run };
}

function networkPlan(check: ReadinessCheck = networkReady): { ops: Operation[]; create: Operation; wait: Operation; config: Operation } {
  const create = createPlatform('network', 'prod', NETWORKS, { name: 'prod', cidr_block: '10.0.0.0/22' });
  const wait = waitOp('network', 'prod', check, [create.id]);
  const config = createPlatform('configuration', 'payments', '/cloud-gateways/configurations', {
    control_plane_id: ref('control_plane', 'payments'),
    dataplane_groups: [{ cloud_gateway_network_id: ref('network', 'prod') }],
  }, [wait.id]);
  const other = createPlatform('add_on', 'cache', '/cloud-gateways/add-ons', { name: 'cache' });
  return { ops: [create, wait, config, other], create, wait, config };
}

const polls = (api: FakeApi) => api.log.filter((e) => e.method === 'GET' && e.path === NETWORK_PATH);

describe('executePlan: readiness waits', () => {
  it('polls with growing delays until ready, then runs the dependents', async () => {
    const { api, events, run } = setup([{ state: 'initializing' }, { state: 'initializing' }, { state: 'ready' }]);
    const { ops } = networkPlan();
    const report = await run(plan(ops));
    expect(report.results.map((r) => r.outcome)).toEqual(['applied', 'applied', 'applied', 'applied']);
    const starts = polls(api).map((e) => e.startedAt);
    expect(starts).toHaveLength(3);
    // 10 ms latency per request; delays 1000 then 1600 (jitter factor 1.0 with random 0.5).
    expect([starts[1]! - starts[0]!, starts[2]! - starts[1]!]).toEqual([1010, 1610]);
    const waiting = events.filter((e) => e.state === 'waiting').map((e) => e.detail);
    expect(waiting).toEqual(['initializing', 'initializing', 'ready']);
    const configSent = api.log.find((e) => e.path === '/cloud-gateways/configurations')!;
    expect(configSent.startedAt).toBeGreaterThanOrEqual(polls(api)[2]!.endedAt!);
    expect(configSent.body).toMatchObject({ control_plane_id: 'cp-1', dataplane_groups: [{ cloud_gateway_network_id: 'id-1' }] });
  });

  it('waits for every element at a [] state path', async () => {
    const { api, run } = setup([
      { dataplane_groups: [{ state: 'ready' }, { state: 'initializing' }] },
      { dataplane_groups: [{ state: 'ready' }, { state: 'ready' }] },
    ]);
    const { create, wait } = networkPlan({ ...networkReady, statePath: 'dataplane_groups[].state' });
    const report = await run(plan([create, wait]));
    expect(report.results[1]).toMatchObject({ outcome: 'applied' });
    expect(polls(api)).toHaveLength(2);
  });

  it('fails on a failed state with the reason, and skips the dependents', async () => {
    const { run } = setup([{ state: 'initializing' }, { state: 'terminated', state_metadata: { reason: 'CIDR block overlaps' } }]);
    const { ops, wait, config } = networkPlan();
    const report = await run(plan(ops));
    const byId = new Map(report.results.map((r) => [r.id, r]));
    expect(byId.get(wait.id)).toMatchObject({ outcome: 'failed', message: 'reached state terminated: CIDR block overlaps' });
    expect(byId.get(config.id)).toMatchObject({ outcome: 'skipped', message: `blocked by failed ${wait.id}` });
    expect(byId.get('create:add_on:cache')!.outcome).toBe('applied');
  });

  it('times out on the fake clock', async () => {
    const { api, clock, run } = setup([{ state: 'initializing' }]);
    const { create, wait } = networkPlan();
    const report = await run(plan([create, wait]), { waitTimeoutMs: 10_000 });
    expect(report.results[1]).toMatchObject({ outcome: 'failed', message: 'not ready after 10s (last state: initializing)' });
    const last = polls(api).at(-1)!;
    expect(last.startedAt - polls(api)[0]!.startedAt).toBeLessThanOrEqual(10_000 + 10 * polls(api).length);
    expect(polls(api).length).toBeLessThan(10);
    expect(clock.now()).toBeLessThan(11_000);
  });

  it('noWait: waits and what depends on them are pending; nothing is polled', async () => {
    const { api, run, events } = setup([{ state: 'initializing' }]);
    const { ops, wait, config } = networkPlan();
    const report = await run(plan(ops), { noWait: true });
    const byId = new Map(report.results.map((r) => [r.id, r]));
    expect(byId.get(wait.id)).toMatchObject({ outcome: 'pending', message: 'not waited for (--no-wait)' });
    expect(byId.get(config.id)).toMatchObject({ outcome: 'pending', message: 'not waited for (--no-wait)' });
    expect(report).toMatchObject({ applied: 2, pending: 2, failed: 0, skipped: 0 });
    expect(polls(api)).toHaveLength(0);
    expect(api.count('POST', '/cloud-gateways/configurations')).toBe(0);
    expect(events.filter((e) => e.state === 'pending').map((e) => e.id)).toEqual([wait.id, config.id]);
  });

  it('an abort stops a wait in progress', async () => {
    const { run } = setup([{ state: 'initializing' }]);
    const controller = new AbortController();
    const { ops, wait, config } = networkPlan();
    let polled = 0;
    const report = await run(plan(ops), {
      signal: controller.signal,
      onProgress: (e) => {
        if (e.state === 'waiting' && ++polled === 3) controller.abort();
      },
    });
    const byId = new Map(report.results.map((r) => [r.id, r]));
    expect(byId.get(wait.id)).toMatchObject({ outcome: 'skipped', message: 'aborted while waiting for readiness' });
    expect(byId.get(config.id)).toMatchObject({ outcome: 'skipped' });
    expect(report.aborted).toBe(true);
  });
});

describe('executePlan: replacing an async resource', () => {
  it('waits until the deleted resource is terminated before re-creating it', async () => {
    const clock = new ManualClock(0);
    const api = new FakeApi(clock);
    api.seed(NETWORKS, [{ id: 'net-1', name: 'prod', state: 'ready' }]);
    api.scripted.set(`${NETWORKS}/net-1`, [{ id: 'net-1', state: 'terminating' }, { id: 'net-1', state: 'terminating' }, { id: 'net-1', state: 'terminated' }]);
    const replace: Operation = {
      ...createPlatform('network', 'prod', NETWORKS, { name: 'prod', cidr_block: '10.1.0.0/22' }),
      id: 'replace:network:prod',
      action: 'replace',
      fingerprint: { id: 'net-1', version: 'v:1' },
    };
    replace.requests = [{ api: 'cloud-gateways', method: 'DELETE', path: `${NETWORKS}/{$id:network:prod}` }, ...replace.requests];
    const report = await clock.runUntil(executePlan(plan([replace]), api, { env: {}, clock, random: () => 0.5 }));
    expect(report.results[0]).toMatchObject({ outcome: 'applied' });
    const sequence = api.log.map((e) => `${e.method} ${e.path}`);
    expect(sequence).toEqual([
      `DELETE ${NETWORKS}/net-1`,
      `GET ${NETWORKS}/net-1`,
      `GET ${NETWORKS}/net-1`,
      `GET ${NETWORKS}/net-1`,
      `POST ${NETWORKS}`,
    ]);
  });
});

describe('executePlan: a replace that cannot finish', () => {
  it('says the resource was deleted when it never finishes terminating', async () => {
    const clock = new ManualClock(0);
    const api = new FakeApi(clock);
    api.seed(NETWORKS, [{ id: 'net-1', name: 'prod', state: 'ready' }]);
    api.scripted.set(`${NETWORKS}/net-1`, [{ id: 'net-1', state: 'terminating' }]);
    const replace: Operation = {
      ...createPlatform('network', 'prod', NETWORKS, { name: 'prod' }),
      id: 'replace:network:prod',
      action: 'replace',
      fingerprint: { id: 'net-1', version: 'v:1' },
    };
    replace.requests = [{ api: 'cloud-gateways', method: 'DELETE', path: `${NETWORKS}/{$id:network:prod}` }, ...replace.requests];
    const report = await clock.runUntil(executePlan(plan([replace]), api, { env: {}, clock, random: () => 0.5, waitTimeoutMs: 5_000 }));
    expect(report.results[0]).toMatchObject({
      outcome: 'failed',
      message: 'network prod was deleted but not re-created: still present after 5s (last state: terminating)',
    });
    expect(api.count('POST', NETWORKS)).toBe(0);
  });
});
