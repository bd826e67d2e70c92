import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadState } from '../../src/state/load/index.js';
import { readLiveState } from '../../src/state/read/index.js';
import { buildPlan } from '../../src/diff/index.js';
import { executePlan } from '../../src/executor/index.js';
import { KonnectClient } from '../../src/konnect/client.js';
import { scopedKey } from '../../src/model/entity.js';
import { CP, mustSync, platformYaml } from './states.js';
import { controlPlaneId, startHarness, type Harness } from './harness.js';

const gateway = `_format_version: "3.0"
_konnect: { control_plane_name: ${CP} }
services:
  - name: orders
    host: orders.internal
    routes:
      - name: orders-route
        paths: [/orders]
        plugins:
          - name: cors
            config: { origins: [https://shop.example.com] }
`;

// A plugin renamed cors → corz on a route. Whatever validate says about the name, the plan made of it must never
// leave the route with less than before: the create runs first, and when Konnect refuses it the delete is skipped.
describe('a failed create never leaves less than before', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.write('state/platform.yaml', platformYaml());
    await h.write('state/payments.yaml', gateway);
    await mustSync(h, ['-s', h.path('state')]);
  });
  afterAll(async () => h?.stop());

  it('cors renamed to an unknown corz (injected past validation): the create fails, the delete is skipped and reported, cors stays', async () => {
    const desired = await loadState([h.path('state')], { env: h.env });
    // Past validation: the name is changed in the loaded model, as a typo would reach the planner.
    desired.entities = desired.entities.map((entity) => {
      if (entity.kind !== 'plugin' || entity.fields.name !== 'cors') return entity;
      const fields = { ...entity.fields, name: 'corz' };
      return { ...entity, fields, key: scopedKey(CP, 'corz|route=orders-route') };
    });
    const client = new KonnectClient({ token: h.emulator.token, addr: h.emulator.url });
    const plan = buildPlan(desired, await readLiveState(client, desired));
    expect(plan.operations.map((op) => op.id)).toEqual([`create:plugin:${CP}/corz|route=orders-route`, `delete:plugin:${CP}/cors|route=orders-route`]);

    const report = await executePlan(plan, client, { env: h.env });
    expect(report.failed).toBe(1);
    expect(report.skipped).toBe(1);
    expect(report.results[1]).toMatchObject({ outcome: 'skipped', message: `blocked by failed create:plugin:${CP}/corz|route=orders-route` });
    const cp = await controlPlaneId(h, CP);
    const plugins = (await h.api('GET', `/control-planes/${cp}/core-entities/plugins`)) as { data: Array<{ name: string }> };
    expect(plugins.data.map((plugin) => plugin.name)).toEqual(['cors']);
  });
});
