import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

const state = (plugins: string) => `_format_version: "3.0"
_konnect: { control_plane_name: ov-cp }
services:
  - name: orders
    host: orders.internal
    plugins:
${plugins}
  - name: billing
    host: billing.internal
    plugins:
${plugins}
`;
const platform = `control_planes:
  - name: ov-cp
`;
const GOOD = '      - { name: rate-limiting, config: { minute: 5, policy: local } }';
// Konnect refuses a rate-limiting plugin with no limit; the file format cannot know that.
const BAD = '      - { name: rate-limiting, config: { policy: local } }';

const validations = (h: Harness) => h.emulator.requestLog.filter((entry) => entry.method === 'POST' && entry.path.endsWith('/validate'));
const writes = (h: Harness) => h.emulator.requestLog.filter((entry) => entry.method !== 'GET' && !entry.path.endsWith('/validate'));

describe('online validation (Konnect validates each gateway entity before the first write)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.write('state/platform.yaml', platform);
    await h.write('state/gateway.yaml', state(GOOD));
    const synced = await h.run(['sync', '-s', h.path('state'), ...h.konnect, '--yes']);
    if (synced.code !== 0) throw new Error(synced.out + synced.err);
  });
  afterAll(async () => h?.stop());

  it('sync validates every entity once per distinct body before planning', async () => {
    // The first sync had no control plane to validate in yet; this one has.
    const before = validations(h).length;
    expect((await h.run(['sync', '-s', h.path('state'), ...h.konnect, '--yes'])).code).toBe(0);
    // Two services (different bodies), two plugins with one body (their services are placeholders): 3 requests.
    expect(validations(h).length - before).toBe(3);
  });

  it('validate --online reports Konnect\'s refusal at the entity, file:line:column, and exits 1', async () => {
    await h.write('state/gateway.yaml', state(BAD));
    expect((await h.run(['validate', '-s', h.path('state')])).code).toBe(0);
    const result = await h.run(['validate', '-s', h.path('state'), ...h.konnect, '--online']);
    expect(result.code).toBe(1);
    const lines = result.out.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/gateway\.yaml:7:9: services\[0\]\.plugins\[0\]: Konnect refuses plugin "rate-limiting\|service=orders": at least one of these fields must be non-empty: 'config\.second'/),
      expect.stringMatching(/gateway\.yaml:11:9: services\[1\]\.plugins\[0\]: Konnect refuses plugin "rate-limiting\|service=billing": at least one of these fields/),
      '✗ 2 problems',
    ]);
  });

  it('sync stops before the first write; --skip-online-validation lets Konnect refuse at apply time instead', async () => {
    const before = writes(h).length;
    const refused = await h.run(['sync', '-s', h.path('state'), ...h.konnect, '--yes']);
    expect(refused.code).toBe(1);
    expect(refused.err + refused.out).toContain('Konnect refuses plugin "rate-limiting|service=orders"');
    expect(writes(h).length).toBe(before);
    const skipped = await h.run(['sync', '-s', h.path('state'), ...h.konnect, '--yes', '--skip-online-validation']);
    expect(skipped.code).toBe(1);
    expect(writes(h).length).toBeGreaterThan(before);
  });

  it('plan --output json carries the problems too', async () => {
    const result = await h.run(['plan', '-s', h.path('state'), ...h.konnect, '--output', 'json', '--out', h.path('plan.json')]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('Konnect refuses plugin');
  });
});
