import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayYaml, networkYaml, platformYaml } from './states.js';
import { parseJson, startHarness, type Harness } from './harness.js';

const network = (cidr: string) => networkYaml('e2e-net', cidr);

describe('destructive changes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.stop());

  it('flags a replacement in the plan and refuses it without --allow-destructive', async () => {
    await h.write('net/network.yaml', network('10.42.0.0/22'));
    const created = await h.run(['sync', '-s', h.path('net'), ...h.konnect, '--yes']);
    expect(created.code, created.out + created.err).toBe(0);

    await h.write('net/network.yaml', network('10.43.0.0/22'));
    const diff = await h.run(['diff', '-s', h.path('net'), ...h.konnect, '--output', 'json']);
    expect(diff.code, diff.out + diff.err).toBe(2);
    const ops = (parseJson(diff.out) as { operations: Array<{ action: string; destructive: boolean; kind: string }> }).operations;
    expect(ops.some((op) => op.action === 'replace' && op.destructive && op.kind === 'network')).toBe(true);

    const refused = await h.run(['sync', '-s', h.path('net'), ...h.konnect, '--yes']);
    expect(refused.code, refused.out + refused.err).toBe(1);
    expect(refused.err).toMatch(/replaced/);
    expect(refused.err).toMatch(/--allow-destructive/);
    expect((await h.run(['diff', '-s', h.path('net'), ...h.konnect])).code).toBe(2);

    expect((await h.run(['plan', '-s', h.path('net'), ...h.konnect, '--out', h.path('replace.json')])).code).toBe(2);
    expect((await h.run(['apply', h.path('replace.json'), ...h.konnect])).code).toBe(1);

    const allowed = await h.run(['sync', '-s', h.path('net'), ...h.konnect, '--yes', '--allow-destructive']);
    expect(allowed.code, allowed.out + allowed.err).toBe(0);
    expect((await h.run(['diff', '-s', h.path('net'), ...h.konnect])).code).toBe(0);
  });

  it('refuses more deletes than --max-deletes', async () => {
    await h.write('gw/platform.yaml', platformYaml());
    await h.write('gw/payments.yaml', gatewayYaml({ services: [{ name: 's1' }, { name: 's2' }, { name: 's3' }] }));
    expect((await h.run(['sync', '-s', h.path('gw'), ...h.konnect, '--yes'])).code).toBe(0);
    await h.write('gw/payments.yaml', gatewayYaml({ services: [] }).replace('services:\n', 'services: []\n'));
    const refused = await h.run(['sync', '-s', h.path('gw'), ...h.konnect, '--yes', '--max-deletes', '2']);
    expect(refused.code, refused.out + refused.err).toBe(1);
    expect(refused.err).toMatch(/--max-deletes 2/);
    const json = await h.run(['sync', '-s', h.path('gw'), ...h.konnect, '--yes', '--max-deletes', '2', '--output', 'json']);
    expect(json.code, json.out + json.err).toBe(1);
    expect((parseJson(json.out).error as { type: string }).type).toBe('UnsafePlanError');
    expect((await h.run(['sync', '-s', h.path('gw'), ...h.konnect, '--yes', '--max-deletes', '100'])).code).toBe(0);
  });

  it('asks before applying on a terminal, and does nothing when declined', async () => {
    await h.write('gw/payments.yaml', gatewayYaml({ services: [{ name: 'asked' }] }));
    const { captureIO } = await import('../../src/cli/output.js');
    const { runInProcess } = await import('../../src/cli/in-process.js');
    const io = captureIO({ env: h.env, interactive: true });
    io.answers.push(false);
    const code = await runInProcess(['sync', '-s', h.path('gw'), ...h.konnect], io);
    expect(io.questions).toHaveLength(1);
    expect(code).toBe(1);
    expect((await h.run(['diff', '-s', h.path('gw'), ...h.konnect])).code).toBe(2);
  });
});
