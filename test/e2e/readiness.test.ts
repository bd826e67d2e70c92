import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJson, startHarness, type Harness } from './harness.js';
import { networkYaml } from './states.js';

// Networks take 3 s to provision here: long enough to time out, short enough for a test.
describe('readiness waits', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ provisionMs: 3000 });
  });
  afterAll(async () => h?.stop());

  it('--wait-timeout: a resource not ready in time fails the wait, exit 1', async () => {
    await h.write('slow/network.yaml', networkYaml('slow-net', '10.50.0.0/22'));
    const result = await h.run(['sync', '-s', h.path('slow'), ...h.konnect, '--yes', '--wait-timeout', '300ms']);
    expect(result.code, result.out + result.err).toBe(1);
    expect(result.out).toMatch(/✗ wait cloud gateway network slow-net: not ready after/);
  });

  it('--no-wait: returns once Konnect accepted the requests, waits reported as not waited for, exit 0', async () => {
    await h.write('fast/network.yaml', networkYaml('fast-net', '10.60.0.0/22'));
    const result = await h.run(['sync', '-s', h.path('fast'), ...h.konnect, '--yes', '--no-wait', '--output', 'json']);
    expect(result.code, result.out + result.err).toBe(0);
    const body = parseJson(result.out) as { report: { results: Array<{ id: string; outcome: string }> } };
    expect(body.report.results, JSON.stringify(body.report)).toContainEqual(expect.objectContaining({ id: 'create:network:fast-net', outcome: 'applied' }));
  });
});
