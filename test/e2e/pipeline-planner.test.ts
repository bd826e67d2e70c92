// diff/plan/sync feed the planner each live entity as its page is decoded (src/cli/pipeline.ts): the plan must be
// exactly the one buildPlan makes from the whole read, for creates, updates and deletes alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIO } from '../../src/cli/output.js';
import { createSession } from '../../src/cli/run-command.js';
import { planFromFiles } from '../../src/cli/pipeline.js';
import { buildPlan } from '../../src/diff/index.js';
import { startHarness, type Harness } from './harness.js';
import { gatewayYaml, platformYaml } from './states.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.stop());

describe('the planner fed during the read', () => {
  it('plans what buildPlan plans from the whole live state', async () => {
    await h.write('state/platform.yaml', platformYaml());
    await h.write('state/gateway.yaml', gatewayYaml({ services: [{ name: 'orders' }, { name: 'billing' }, { name: 'stock' }] }));
    expect((await h.run(['sync', '-s', h.path('state'), '--yes', ...h.konnect])).code).toBe(0);
    // One service changed, one gone, one new.
    await h.write('state/gateway.yaml', gatewayYaml({ services: [{ name: 'orders', retries: 9 }, { name: 'billing' }, { name: 'fresh' }] }));

    const session = createSession('json', captureIO({ env: h.env }));
    const [url, token] = [h.konnect[1]!, h.konnect[3]!];
    const { desired, live, plan } = await planFromFiles({ state: [h.path('state')], output: 'json', konnectAddr: url, konnectTokenFile: token }, session);

    // Each service comes with a route and a plugin (states.ts).
    expect(plan.summary).toMatchObject({ create: 3, update: 1, delete: 3 });
    expect(plan).toEqual(buildPlan(desired, live));
  });
});
