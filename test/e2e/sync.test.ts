import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CP, gatewayYaml, platformYaml, writePaymentsState } from './states.js';
import { controlPlaneId, entityId, parseJson, startHarness, type Harness } from './harness.js';

describe('sync against the emulator', () => {
  let h: Harness;
  let state: string[];
  beforeAll(async () => {
    h = await startHarness();
    state = await writePaymentsState(h);
  });
  afterAll(async () => h?.stop());

  it('syncs from empty: creates everything, exit 0', async () => {
    const result = await h.run(['sync', ...state, ...h.konnect, '--yes']);
    expect(result.err + result.out).not.toContain('error:');
    expect(result.code, result.out + result.err).toBe(0);
    expect(result.out).toMatch(/applied/);
    expect(await entityId(h, CP, 'services', 'orders')).toMatch(/./);
  });

  it('a second sync is a no-op', async () => {
    const result = await h.run(['sync', ...state, ...h.konnect, '--yes', '--output', 'json']);
    expect(result.code, result.out + result.err).toBe(0);
    const body = parseJson(result.out) as { plan: { summary: { total: number } }; report: unknown };
    expect(body.plan.summary.total).toBe(0);
    expect(body.report).toBeNull();
  });

  it('never prints DECK_ values or the token', async () => {
    const result = await h.run(['diff', ...state, ...h.konnect, '--output', 'json']);
    expect(result.out).not.toContain('e2e-very-secret-value-42');
    expect(result.out + result.err).not.toContain(h.emulator.token);
  });

  it('updates a changed field, then is in sync again', async () => {
    await h.write('state/payments.yaml', gatewayYaml({ secretPlugin: true, services: [{ name: 'orders', retries: 2 }, { name: 'billing' }] }));
    const diff = await h.run(['diff', ...state, ...h.konnect]);
    expect(diff.code, diff.out + diff.err).toBe(2);
    expect(diff.out).toContain('orders');
    const sync = await h.run(['sync', ...state, ...h.konnect, '--yes']);
    expect(sync.code, sync.out + sync.err).toBe(0);
    const svc = (await h.api('GET', `/control-planes/${await controlPlaneId(h, CP)}/core-entities/services/${await entityId(h, CP, 'services', 'orders')}`)) as { retries: number };
    expect(svc.retries).toBe(2);
    expect((await h.run(['diff', ...state, ...h.konnect])).code).toBe(0);
  });
});

describe('select tags', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.write('platform.yaml', platformYaml());
  });
  afterAll(async () => h?.stop());

  it('deletes only within the file\'s select_tags', async () => {
    await h.write('a.yaml', gatewayYaml({ selectTags: ['team-a'], services: [{ name: 'a1' }, { name: 'a2' }] }));
    await h.write('b.yaml', gatewayYaml({ selectTags: ['team-b'], services: [{ name: 'b1' }] }));
    const first = await h.run(['sync', '-s', h.path('platform.yaml'), h.path('a.yaml'), h.path('b.yaml'), ...h.konnect, '--yes']);
    expect(first.code, first.out + first.err).toBe(0);

    // Team A drops a2 and syncs only its own file: b1 (team-b) is outside its claim and stays.
    await h.write('a.yaml', gatewayYaml({ selectTags: ['team-a'], services: [{ name: 'a1' }] }));
    const plan = await h.run(['diff', '-s', h.path('a.yaml'), ...h.konnect, '--output', 'json']);
    expect(plan.code, plan.out + plan.err).toBe(2);
    const ops = (parseJson(plan.out) as { operations: Array<{ action: string; key: string }> }).operations;
    const deletes = ops.filter((op) => op.action === 'delete').map((op) => op.key);
    expect(deletes.some((key) => key.includes('a2'))).toBe(true);
    expect(deletes.some((key) => key.includes('b1'))).toBe(false);

    expect((await h.run(['sync', '-s', h.path('a.yaml'), ...h.konnect, '--yes'])).code).toBe(0);
    await expect(entityId(h, CP, 'services', 'a2')).rejects.toThrow();
    expect(await entityId(h, CP, 'services', 'b1')).toMatch(/./);
    expect((await h.run(['diff', '-s', h.path('b.yaml'), ...h.konnect])).code).toBe(0);
  });

  it('--select-tag tags what it creates, like _info.select_tags, and must agree with the files', async () => {
    await h.write('flag.yaml', gatewayYaml({ services: [{ name: 'flagged' }] }));
    const synced = await h.run(['sync', '-s', h.path('flag.yaml'), ...h.konnect, '--yes', '--select-tag', 'team-c']);
    expect(synced.code, synced.out + synced.err).toBe(0);
    const cp = await controlPlaneId(h, CP);
    const service = (await h.api('GET', `/control-planes/${cp}/core-entities/services/${await entityId(h, CP, 'services', 'flagged')}`)) as { tags: string[] };
    expect(service.tags).toContain('team-c');
    // Everything else (team-a, team-b) is outside team-c: nothing deleted.
    expect(await entityId(h, CP, 'services', 'b1')).toMatch(/./);
    const conflict = await h.run(['diff', '-s', h.path('b.yaml'), ...h.konnect, '--select-tag', 'team-c']);
    expect(conflict.code).toBe(1);
    expect(conflict.err).toMatch(/differs from _info.select_tags/);
  });
});
