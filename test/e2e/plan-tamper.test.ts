import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Operation, Plan } from '../../src/model/plan.js';
import { gatewayYaml, mustSync, platformYaml } from './states.js';
import { startHarness, type Harness } from './harness.js';

// apply runs a plan file only if it is what konsync planned: every tampered copy below is refused before a single
// request reaches Konnect, and the untouched plan still applies.
describe('apply refuses an edited plan', () => {
  let h: Harness;
  let plan: Plan;
  beforeAll(async () => {
    h = await startHarness();
    await h.write('state/platform.yaml', platformYaml());
    await h.write('state/payments.yaml', gatewayYaml({ secretPlugin: true }));
    await mustSync(h, ['-s', h.path('state')]);
    // One of each: an update (retries), a create (shipping), a delete (billing).
    await h.write('state/payments.yaml', gatewayYaml({ secretPlugin: true, services: [{ name: 'orders', retries: 3 }, { name: 'shipping' }] }));
    const planned = await h.run(['plan', '-s', h.path('state'), ...h.konnect, '--out', h.path('plan.json')]);
    if (planned.code !== 2) throw new Error(`plan failed: ${planned.out}${planned.err}`);
    plan = JSON.parse(await readFile(h.path('plan.json'), 'utf8')) as Plan;
  });
  afterAll(async () => h?.stop());

  const find = (p: Plan, action: string, kind: string, key?: string): Operation => {
    const op = p.operations.find((one) => one.action === action && one.kind === kind && (key === undefined || one.key.endsWith(key)));
    if (!op) throw new Error(`no ${action} ${kind} ${key ?? ''} in the plan`);
    return op;
  };

  const tampered: Array<{ what: string; edit: (p: Plan) => void; message: RegExp }> = [
    {
      what: 'a changed method',
      edit: (p) => {
        find(p, 'create', 'service', 'shipping').requests[0]!.method = 'DELETE';
      },
      message: /create:service:e2e-payments\/shipping: its requests are not what this create sends \(request 1: method DELETE, expected POST\)/,
    },
    {
      what: 'a path with /../',
      edit: (p) => {
        const request = find(p, 'update', 'service', 'orders').requests[0]!;
        request.path = request.path.replace('/core-entities/', '/core-entities/../../');
      },
      message: /could leave the Konnect API/,
    },
    {
      what: 'an encoded dot segment',
      edit: (p) => {
        const request = find(p, 'delete', 'service', 'billing').requests[0]!;
        request.path = request.path.replace('/core-entities/', '/core-entities/%2e%2e/');
      },
      message: /could leave the Konnect API/,
    },
    {
      what: 'a query that is not plain words',
      edit: (p) => {
        const request = find(p, 'update', 'service', 'orders').requests[0]!;
        request.path = `${request.path}?x=/../admin`;
      },
      message: /could leave the Konnect API/,
    },
    {
      what: 'a plain query the planner would not send',
      edit: (p) => {
        const request = find(p, 'update', 'service', 'orders').requests[0]!;
        request.path = `${request.path}?skip_hash=true`;
      },
      message: /update:service:e2e-payments\/orders: its requests are not what this update sends/,
    },
    {
      what: 'an edited body',
      edit: (p) => {
        find(p, 'create', 'service', 'shipping').requests[0]!.body!.host = 'evil.example.com';
      },
      message: /create:service:e2e-payments\/shipping: its requests are not what this create sends \(request 1: the body differs/,
    },
    {
      what: 'an edited after-state that no request carries',
      edit: (p) => {
        find(p, 'create', 'service', 'shipping').after!.host = 'evil.example.com';
      },
      message: /create:service:e2e-payments\/shipping: its requests are not what this create sends/,
    },
    {
      what: 'a body and after-state that read the token from the environment',
      edit: (p) => {
        const op = find(p, 'create', 'service', 'shipping');
        op.after!.host = '${{ env "KONNECT_TOKEN" }}';
        op.requests[0]!.body!.host = '${{ env "KONNECT_TOKEN" }}';
      },
      message: /a body renders KONNECT_TOKEN from the environment; only DECK_ variables may be/,
    },
    {
      what: 'a dependsOn naming a missing operation',
      edit: (p) => {
        find(p, 'create', 'route', 'shipping-route').dependsOn = ['create:service:e2e-payments/nowhere'];
      },
      message: /depends on create:service:e2e-payments\/nowhere, which is not in the plan/,
    },
    {
      what: 'a duplicate operation id',
      edit: (p) => {
        p.operations.push(structuredClone(find(p, 'create', 'service', 'shipping')));
        p.summary.create += 1;
        p.summary.total += 1;
      },
      message: /operation id create:service:e2e-payments\/shipping appears twice/,
    },
    {
      what: 'a cycle',
      edit: (p) => {
        find(p, 'create', 'service', 'shipping').dependsOn.push(find(p, 'create', 'route', 'shipping-route').id);
      },
      message: /dependency cycle/,
    },
    {
      what: 'a delete relabelled as a create',
      edit: (p) => {
        const op = find(p, 'delete', 'service', 'billing');
        op.title = 'create control plane payments';
        op.destructive = false;
      },
      message: /delete:service:e2e-payments\/billing: title "create control plane payments"/,
    },
  ];

  for (const { what, edit, message } of tampered) {
    it(`refuses ${what}, sending nothing`, async () => {
      const copy = structuredClone(plan);
      edit(copy);
      await h.write('tampered.json', JSON.stringify(copy, null, 2));
      const before = h.emulator.requestLog.length;
      const result = await h.run(['apply', h.path('tampered.json'), ...h.konnect, '--allow-destructive']);
      expect(result.code, result.out + result.err).toBe(1);
      expect(result.err).toMatch(message);
      expect(result.err).toContain('nothing was sent');
      expect(h.emulator.requestLog.length - before).toBe(0);
    });
  }

  it('refuses a fingerprint pointing at another entity (it would redirect the write), writing nothing', async () => {
    const copy = structuredClone(plan);
    const billing = find(copy, 'delete', 'service', 'billing');
    find(copy, 'update', 'service', 'orders').fingerprint = structuredClone(billing.fingerprint!);
    await h.write('tampered.json', JSON.stringify(copy, null, 2));
    const before = h.emulator.requestLog.length;
    const result = await h.run(['apply', h.path('tampered.json'), ...h.konnect, '--allow-destructive']);
    expect(result.code, result.out + result.err).toBe(1);
    expect(result.err).toContain('service e2e-payments/orders is not the entity the plan holds the id of');
    expect(h.emulator.requestLog.slice(before).filter((entry) => entry.method !== 'GET')).toEqual([]);
  });

  it('applies the plan as written', async () => {
    const result = await h.run(['apply', h.path('plan.json'), ...h.konnect, '--allow-destructive']);
    expect(result.code, result.out + result.err).toBe(0);
    expect((await h.run(['diff', '-s', h.path('state'), ...h.konnect])).code).toBe(0);
  });
});
