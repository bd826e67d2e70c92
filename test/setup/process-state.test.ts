import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../support/spawn.js';

// Two files in one worker without isolation, as vitest.config.ts runs the suite: the first leaves `--no-color` set by
// an in-process command, the second must still see colour on a terminal.
const ROOT = resolve('.');
const dir = join(ROOT, 'test', 'setup', `.shared-worker-${process.pid}`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const header = `import { expect, it } from 'vitest';
import { captureIO, colorEnabled } from '${ROOT}/src/cli/output.ts';
import { runInProcess } from '${ROOT}/src/cli/in-process.ts';
const terminal = () => captureIO({ isTTY: true, env: {} });
`;

describe('test files sharing a worker', () => {
  it('start with the colour flag as a fresh process has it', { timeout: 90_000 }, async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'a.check.ts'),
      `${header}it('leaves --no-color set', async () => {\n  await runInProcess(['--no-color', 'version'], captureIO());\n  expect(colorEnabled(terminal())).toBe(false);\n});\n`,
    );
    writeFileSync(join(dir, 'b.check.ts'), `${header}it('sees colour on a terminal', () => {\n  expect(colorEnabled(terminal())).toBe(true);\n});\n`);
    writeFileSync(
      join(dir, 'vitest.config.mjs'),
      `import { BaseSequencer } from 'vitest/node';
class ByName extends BaseSequencer {
  async sort(files) { return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId)); }
}
export default {
  root: ${JSON.stringify(ROOT)},
  test: {
    include: [${JSON.stringify(`${dir}/*.check.ts`)}],
    pool: 'forks',
    isolate: false,
    maxWorkers: 1,
    sequence: { sequencer: ByName },
    setupFiles: [${JSON.stringify(join(ROOT, 'test', 'setup', 'process-state.ts'))}],
  },
};
`,
    );
    const result = await run(process.execPath, [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', join(dir, 'vitest.config.mjs')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, NO_COLOR: '1' },
      timeoutMs: 80_000,
    });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Tests\s+2 passed/);
  });
});
