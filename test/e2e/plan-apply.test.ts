import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CP, gatewayYaml, writePaymentsState } from './states.js';
import { controlPlaneId, entityId, parseJson, SECRET, startHarness, type Harness } from './harness.js';

describe('plan, then apply', () => {
  let h: Harness;
  let state: string[];
  beforeAll(async () => {
    h = await startHarness();
    state = await writePaymentsState(h);
  });
  afterAll(async () => h?.stop());

  it('plan --out saves the plan with env references, not values, and exits 2', async () => {
    const result = await h.run(['plan', ...state, ...h.konnect, '--out', h.path('plan.json')]);
    expect(result.code, result.out + result.err).toBe(2);
    expect(result.out).toContain('plan.json');
    const text = await readFile(h.path('plan.json'), 'utf8');
    expect(text).not.toContain(SECRET);
    expect(text).toContain('${{ env \\"DECK_E2E_SECRET\\" }}');
    expect(parseJson(text).format).toBe('konsync/plan@1');
  });

  it('refuses to apply when a DECK_ variable the plan needs is missing', async () => {
    const plan = parseJson(await readFile(h.path('plan.json'), 'utf8')) as { env: string[] };
    expect(plan.env).toContain('DECK_E2E_SECRET');
    const result = await h.run(['apply', h.path('plan.json'), ...h.konnect], { DECK_E2E_SECRET: undefined });
    expect(result.code, result.out + result.err).toBe(1);
    expect(result.err).toContain('DECK_E2E_SECRET');
    await expect(controlPlaneId(h, CP)).rejects.toThrow();
  });

  it('apply runs the saved plan and reports each operation', async () => {
    const result = await h.run(['apply', h.path('plan.json'), ...h.konnect]);
    expect(result.code, result.out + result.err).toBe(0);
    expect(result.out).toMatch(/applied/);
    expect(result.out).not.toContain(SECRET);
    expect((await h.run(['diff', ...state, ...h.konnect])).code).toBe(0);
  });

  it('refuses to apply the same plan twice: what it creates exists now', async () => {
    const result = await h.run(['apply', h.path('plan.json'), ...h.konnect]);
    expect(result.code, result.out + result.err).toBe(1);
    expect(result.err).toMatch(/stale/);
    expect(result.err).toContain(`control plane ${CP} was created since the plan was made`);
  });

  it('apply --output json prints the report', async () => {
    await h.write('state/payments.yaml', gatewayYaml({ secretPlugin: true, services: [{ name: 'orders', retries: 1 }, { name: 'billing' }] }));
    expect((await h.run(['plan', ...state, ...h.konnect, '--out', h.path('plan2.json')])).code).toBe(2);
    const result = await h.run(['apply', h.path('plan2.json'), ...h.konnect, '--output', 'json']);
    expect(result.code, result.out + result.err).toBe(0);
    const body = parseJson(result.out) as { report: { applied: number; failed: number } };
    expect(body.report.failed).toBe(0);
    expect(body.report.applied).toBeGreaterThan(0);
  });

  it('refuses a stale plan, naming the resource', async () => {
    await h.write('state/payments.yaml', gatewayYaml({ secretPlugin: true, services: [{ name: 'orders', retries: 4 }, { name: 'billing' }] }));
    expect((await h.run(['plan', ...state, ...h.konnect, '--out', h.path('stale.json')])).code).toBe(2);
    // Someone edits the service right after the plan was made, within the same second: core entities' updated_at
    // counts whole seconds, so only the fingerprint's content hash can see it.
    const cp = await controlPlaneId(h, CP);
    const id = await entityId(h, CP, 'services', 'orders');
    const current = (await h.api('GET', `/control-planes/${cp}/core-entities/services/${id}`)) as Record<string, unknown>;
    await h.api('PUT', `/control-planes/${cp}/core-entities/services/${id}`, { ...current, retries: 9, id: undefined, created_at: undefined, updated_at: undefined });
    const result = await h.run(['apply', h.path('stale.json'), ...h.konnect]);
    expect(result.code, result.out + result.err).toBe(1);
    expect(result.err).toMatch(/stale/);
    expect(result.err).toContain('orders');
    const json = await h.run(['apply', h.path('stale.json'), ...h.konnect, '--output', 'json']);
    expect(json.code, json.out + json.err).toBe(1);
    expect((parseJson(json.out).error as { type: string }).type).toBe('StalePlanError');
  });

  it('refuses a file that is not a valid plan', async () => {
    await h.write('bad.json', JSON.stringify({ format: 'konsync/plan@1', operations: 'nope' }));
    const result = await h.run(['apply', h.path('bad.json'), ...h.konnect, '--output', 'json']);
    expect(result.code, result.out + result.err).toBe(1);
    expect((parseJson(result.out).error as { type: string }).type).toBe('ValidationError');
    await h.write('other.json', '{"hello": 1}');
    const other = await h.run(['apply', h.path('other.json'), ...h.konnect]);
    expect(other.code, other.out + other.err).toBe(1);
    expect(other.err).toMatch(/not a konsync plan/);
  });

  it('keeps a live secret out of the plan file even when the files no longer use it', async () => {
    await h.write('state/payments.yaml', gatewayYaml({ secretPlugin: false }));
    const result = await h.run(['plan', ...state, ...h.konnect, '--out', h.path('no-secret.json')]);
    expect(result.code, result.out + result.err).toBe(2);
    const text = await readFile(h.path('no-secret.json'), 'utf8');
    expect(text).toContain('delete:plugin:');
    expect(text).not.toContain(SECRET);
    expect(result.out).not.toContain(SECRET);
  });
});
