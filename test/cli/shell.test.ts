import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Option } from 'commander';
import { captureIO } from '../../src/cli/output.js';
import { runInProcess } from '../../src/cli/in-process.js';
import { buildProgram } from '../../src/cli/commands/index.js';
import { completionScript } from '../../src/cli/completion.js';

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const dir = mkdtempSync(join(tmpdir(), 'konsync-shell-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  const io = captureIO();
  const code = await runInProcess(args, io);
  return { code, out: io.out, err: io.err };
}

/** What bash completes for the words typed so far (the last one being completed), using the generated script. */
function bashComplete(script: string, typed: string[]): string[] {
  const file = join(dir, 'completion.bash');
  writeFileSync(file, script);
  const words = typed.map((word) => `'${word}'`).join(' ');
  const program = `source '${file}'; COMP_WORDS=(${words}); COMP_CWORD=${typed.length - 1}; _konsync; printf '%s\\n' "\${COMPREPLY[@]}"`;
  return execFileSync('bash', ['--norc', '--noprofile', '-c', program], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

const hasShell = (shell: string) => spawnSync(shell, ['-c', 'true']).status === 0;

describe('konsync version', () => {
  it('prints the package version with Node and platform', async () => {
    const result = await run(['version']);
    expect(result.code).toBe(0);
    expect(result.out.trim()).toBe(`konsync ${manifest.version} (node ${process.version}, ${process.platform}-${process.arch})`);
  });

  it('--version prints the bare package version', async () => {
    expect((await run(['--version'])).out.trim()).toBe(manifest.version);
  });
});

describe('konsync completion', () => {
  it('bash: completes command names, a command\'s options and an option\'s choices', () => {
    const script = completionScript(buildProgram(), 'bash');
    expect(bashComplete(script, ['konsync', 'sh'])).toEqual(['show']);
    expect(bashComplete(script, ['konsync', 'diff', '--out'])).toEqual(['--output']);
    expect(bashComplete(script, ['konsync', 'diff', '--output', 'm'])).toEqual(['markdown']);
    expect(bashComplete(script, ['konsync', 'completion', '--'])).toContain('--help');
  });

  it('is generated from the command tree: every command, and one added later, is completed', () => {
    const program = buildProgram();
    program.command('extra-cmd').addOption(new Option('--flavour <name>', 'a flavour').choices(['sweet', 'sour']));
    for (const shell of ['bash', 'zsh', 'fish'] as const) {
      const script = completionScript(program, shell);
      for (const command of program.commands) expect(script, `${shell}: ${command.name()}`).toContain(command.name());
      expect(script).toContain('flavour');
      expect(script).toContain('sour');
    }
    expect(bashComplete(completionScript(program, 'bash'), ['konsync', 'extra-cmd', '--flavour', 's'])).toEqual(['sweet', 'sour']);
  });

  it.each(['bash', 'zsh', 'fish'])('konsync completion %s prints a script the shell parses', async (shell) => {
    const result = await run(['completion', shell]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('konsync');
    expect(result.out).toContain('konnect-addr');
    if (!hasShell(shell)) return;
    const file = join(dir, `script.${shell}`);
    writeFileSync(file, result.out);
    const check = shell === 'fish' ? spawnSync('fish', ['--no-execute', file]) : spawnSync(shell, ['-n', file]);
    expect(check.status, String(check.stderr)).toBe(0);
  });

  it('an unknown shell is exit 1 naming the choices', async () => {
    const result = await run(['completion', 'tcsh']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('bash, zsh, fish');
  });
});
