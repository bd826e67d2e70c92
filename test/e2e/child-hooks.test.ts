import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../support/spawn.js';

// The child processes of the signal and race tests run the TypeScript sources through test/e2e/child/ts-hooks.mjs,
// which caches transpiled files: a stale cache would silently test old code.
const HOOKS = fileURLToPath(new URL('./child/ts-hooks.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'konsync-hooks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const main = join(dir, 'main.ts');
const runMain = () =>
  run(process.execPath, ['--import', `data:text/javascript,import{register}from"node:module";register(${JSON.stringify(`file://${HOOKS}`)})`, main], { env: { PATH: process.env.PATH }, timeoutMs: 60_000 });

describe('the child processes\' TypeScript hooks', () => {
  it('run a .ts file importing another as ./x.js, types erased, and pick up a change to it', { timeout: 60_000 }, async () => {
    writeFileSync(main, "import { answer } from './answer.js';\nimport type { Answer } from './answer.js';\nconst shown: Answer = answer;\nconsole.log(shown);\n");
    writeFileSync(join(dir, 'answer.ts'), 'export type Answer = number;\nexport const answer: Answer = 41;\n');
    const first = await runMain();
    expect(first.stdout + first.stderr).toBe('41\n');
    writeFileSync(join(dir, 'answer.ts'), 'export type Answer = number;\nexport const answer: Answer = 42;\n');
    const second = await runMain();
    expect(second.stdout + second.stderr).toBe('42\n');
  });
});
