import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { register } from '../../../src/cli/commands/validate.js';
import { captureIO, useIO } from '../../../src/cli/output.js';

async function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const target = captureIO({ env });
  const restore = useIO(target);
  try {
    const program = new Command('konsync').exitOverride();
    register(program);
    await program.parseAsync(['validate', ...args], { from: 'user' });
  } finally {
    restore();
  }
  return { code: target.exitCode ?? 0, stdout: target.out, stderr: target.err };
}

const FIXTURE = ['-s', 'fixtures/platform.yaml', 'fixtures/shared-redis.yaml', 'fixtures/payments'];

describe('konsync validate', () => {
  it('prints a one-line summary and exits 0 for valid files', async () => {
    const result = await run(FIXTURE, { DECK_PAYMENTS_SHARED_SECRET: 'secret-value' });
    expect(result.stdout).toBe('✓ 3 files valid: 1 control plane, 18 entities\n');
    expect(result.code).toBe(0);
  });

  it('prints every problem, one per line, then the count on the same stream, and exits 1', async () => {
    const result = await run(FIXTURE);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      "fixtures/payments/gateway.yaml:37:42: environment variable 'DECK_PAYMENTS_SHARED_SECRET' present in state file but not set\n✗ 1 problem\n",
    );
    expect(result.stderr).toBe('');
  });

  it('--mock-env validates without secrets', async () => {
    expect((await run([...FIXTURE, '--mock-env'])).code).toBe(0);
  });

  it('--output json prints {valid, problems}', async () => {
    const bad = await run([...FIXTURE, '--output', 'json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toEqual({
      valid: false,
      problems: [expect.objectContaining({ file: 'fixtures/payments/gateway.yaml', line: 37, column: 42 })],
    });
    const good = await run([...FIXTURE, '--output', 'json', '--mock-env']);
    expect(JSON.parse(good.stdout)).toMatchObject({ valid: true, problems: [], files: 3, controlPlanes: 1 });
  });

  it('--select-tag acts as in the other state commands: a file with other select tags is a problem', async () => {
    const payments = ['-s', 'fixtures/payments', '--mock-env'];
    const agree = await run([...payments, '--select-tag', 'payments-team']);
    expect(agree.code).toBe(0);
    const differ = await run([...payments, '--select-tag', 'other-team']);
    expect(differ.code).toBe(1);
    expect(differ.stdout).toContain('--select-tag other-team differs from _info.select_tags');
  });

  it('fails with a hint when no state is given', async () => {
    const result = await run([]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no state files given');
  });
});
