import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KonnectClient } from '../../src/konnect/client.js';
import { executePlan } from '../../src/executor/index.js';
import type { Plan } from '../../src/model/plan.js';
import { CP, gatewayYaml, mustSync, platformYaml, writePaymentsState } from './states.js';
import { controlPlaneId, startHarness, type Harness } from './harness.js';
import { startWriteGate, type WriteGate } from './write-gate.js';

const CHILD = fileURLToPath(new URL('./child/konsync.mjs', import.meta.url));
const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

/** `konsync <args>` in a process of its own (two at once cannot share this process's IO). Bounded. */
function runChild(args: string[], env: Record<string, string | undefined>, limitMs = 120_000): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, MAIN, ...args], { env: { ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const limit = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no exit within ${limitMs} ms`));
    }, limitMs);
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(limit);
      resolve({ code, out, err });
    });
  });
}

async function names(h: Harness, collection: string): Promise<string[]> {
  const cp = await controlPlaneId(h, CP);
  const listed = (await h.api('GET', `/control-planes/${cp}/core-entities/${collection}?size=1000`)) as { data: Array<{ name: string }> };
  return listed.data.map((item) => item.name).sort();
}

describe('a create answered "already exists"', () => {
  let h: Harness;
  let plan: Plan;
  let client: KonnectClient;
  beforeAll(async () => {
    h = await startHarness();
    await h.write('state/platform.yaml', platformYaml());
    await h.write('state/payments.yaml', gatewayYaml({ secretPlugin: true }));
    const planned = await h.run(['plan', '-s', h.path('state'), ...h.konnect, '--out', h.path('plan.json')]);
    if (planned.code !== 2) throw new Error(`plan failed: ${planned.out}${planned.err}`);
    plan = JSON.parse(await readFile(h.path('plan.json'), 'utf8')) as Plan;
    client = new KonnectClient({ token: h.emulator.token, addr: h.emulator.url });
  });
  afterAll(async () => h?.stop());

  it('converges when another run created the same entities: every create applies, no duplicate', async () => {
    await mustSync(h, ['-s', h.path('state')]);
    const report = await executePlan(plan, client, { env: h.env });
    expect(report.failed, JSON.stringify(report.results)).toBe(0);
    expect(report.skipped).toBe(0);
    const orders = report.results.find((result) => result.id === `create:service:${CP}/orders`);
    expect(orders).toMatchObject({ outcome: 'applied', message: expect.stringContaining('already existed as planned') });
    expect(await names(h, 'services')).toEqual(['billing', 'orders']);
    expect((await h.run(['diff', '-s', h.path('state'), ...h.konnect])).code).toBe(0);
  });

  it('updates an entity another run created with other values, then diff finds nothing', async () => {
    await h.write('other/platform.yaml', platformYaml());
    await h.write('other/payments.yaml', gatewayYaml({ secretPlugin: true, services: [{ name: 'orders', retries: 9 }, { name: 'billing' }] }));
    await mustSync(h, ['-s', h.path('other')]);
    const report = await executePlan(plan, client, { env: h.env });
    expect(report.failed, JSON.stringify(report.results)).toBe(0);
    expect(report.results.find((result) => result.id === `create:service:${CP}/orders`)?.message).toContain('updated to the desired state');
    expect((await h.run(['diff', '-s', h.path('state'), ...h.konnect])).code).toBe(0);
  });
});

describe('a delete answered 404', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.stop());

  it('is gone already, as asked: applied, nothing skipped', async () => {
    await h.write('state/platform.yaml', platformYaml({ extraPlanes: ['e2e-extra'] }));
    await mustSync(h, ['-s', h.path('state')]);
    await h.write('state/platform.yaml', platformYaml());
    const planned = await h.run(['plan', '-s', h.path('state'), ...h.konnect, '--out', h.path('plan.json')]);
    expect(planned.code, planned.out + planned.err).toBe(2);
    const plan = JSON.parse(await readFile(h.path('plan.json'), 'utf8')) as Plan;
    // Another run deletes the control plane first (core entities answer a repeated DELETE with 204; Konnect's platform APIs with 404).
    await h.api('DELETE', `/control-planes/${await controlPlaneId(h, 'e2e-extra')}`);
    const report = await executePlan(plan, new KonnectClient({ token: h.emulator.token, addr: h.emulator.url }), { env: h.env });
    expect(report.failed, JSON.stringify(report.results)).toBe(0);
    expect(report.results.find((result) => result.id === 'delete:control_plane:e2e-extra')?.message, JSON.stringify(report.results)).toContain('already gone');
  });
});

describe('two syncs of the same state at once', () => {
  let h: Harness;
  let gate: WriteGate;
  let state: string[];
  beforeAll(async () => {
    h = await startHarness();
    gate = await startWriteGate(h.emulator.url);
    state = await writePaymentsState(h);
  });
  afterAll(async () => {
    await gate?.close();
    await h?.stop();
  });

  it('both exit 0, and nothing is created twice', async () => {
    // Both runs plan against the empty org before either writes (the gate holds their first writes until both came),
    // so every create of the slower one is answered "already exists": it converges instead of failing.
    const viaGate = h.konnect.map((arg) => (arg === h.emulator.url ? gate.url : arg));
    const args = ['sync', ...state, ...viaGate, '--yes'];
    const [a, b] = await Promise.all([runChild(args, h.env), runChild(args, h.env)]);
    expect([a.code, b.code], a.out + a.err + b.out + b.err).toEqual([0, 0]);
    expect(a.err + b.err).toContain('already existed as planned');
    const planes = (await h.api('GET', `/control-planes?filter[name][eq]=${CP}`)) as { data: unknown[] };
    expect(planes.data).toHaveLength(1);
    expect(await names(h, 'services')).toEqual(['billing', 'orders']);
    expect(await names(h, 'routes')).toEqual(['billing-route', 'orders-route']);
    expect((await h.run(['diff', ...state, ...h.konnect])).code).toBe(0);
  }, 180_000);
});
