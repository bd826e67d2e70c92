import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { captureIO } from '../../src/cli/output.js';
import { runInProcess } from '../../src/cli/in-process.js';

const hasFixtures = existsSync('fixtures') && readdirSync('fixtures').some((name) => /\.ya?ml$/.test(name));

describe('konsync demo (what npm start runs)', () => {
  it.skipIf(!hasFixtures)('syncs the fixtures, detects drift, exits 0', { timeout: 90_000 }, async () => {
    const io = captureIO({ env: { ...process.env, DECK_PAYMENTS_SHARED_SECRET: undefined } });
    const code = await runInProcess(['demo', '--provision', '50ms'], io);
    expect(io.err).not.toMatch(/demo failed/);
    expect(code).toBe(0);
    expect(io.out).toContain('exit code 2: drift found');
    expect(io.out).not.toContain('demo-shared-secret-not-for-production');
  });
});
