import { describe, expect, it } from 'vitest';
import { captureIO } from '../../src/cli/output.js';
import { runInProcess } from '../../src/cli/in-process.js';

describe('help', () => {
  it('konsync --help shows a tour with examples and the exit codes', async () => {
    const io = captureIO();
    expect(await runInProcess(['--help'], io)).toBe(0);
    expect(io.out).toContain('Examples:');
    expect(io.out).toContain('Exit codes: 0');
    for (const name of ['diff', 'plan', 'apply', 'sync', 'dump', 'demo']) expect(io.out).toContain(name);
  });

  it.each(['diff', 'plan', 'apply', 'sync', 'dump', 'demo'])('konsync %s --help shows examples', async (name) => {
    const io = captureIO();
    expect(await runInProcess([name, '--help'], io)).toBe(0);
    expect(io.out).toContain('Examples:');
    expect(io.out).toContain(`$ konsync ${name === 'demo' ? '' : name}`.trim());
  });

  it.each(['diff', 'plan', 'sync'])('konsync %s takes the shared state and Konnect options', async (name) => {
    const io = captureIO();
    await runInProcess([name, '--help'], io);
    for (const flag of ['--state', '--konnect-addr', '--konnect-token-file', '--geo', '--select-tag', '--output']) expect(io.out).toContain(flag);
  });

  it('an unknown option is exit 1 with the usage on stderr', async () => {
    const io = captureIO();
    expect(await runInProcess(['diff', '--nope'], io)).toBe(1);
    expect(io.err).toContain("unknown option '--nope'");
  });
});
