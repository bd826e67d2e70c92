import { describe, expect, it } from 'vitest';
import { captureIO } from '../../src/cli/output.js';
import { runInProcess } from '../../src/cli/in-process.js';

describe('konsync demo (what npm start runs)', () => {
  it('syncs the fixtures, detects drift, exits 0', { timeout: 90_000 }, async () => {
    const io = captureIO({ env: { ...process.env, DECK_PAYMENTS_SHARED_SECRET: undefined } });
    const code = await runInProcess(['demo', '--provision', '50ms'], io);
    expect(io.err).not.toMatch(/demo failed/);
    expect(code).toBe(0);
    expect(io.out).toContain('exit code 2: drift found');
    expect(io.out).not.toContain('demo-shared-secret-not-for-production');
  });
});
