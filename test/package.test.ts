import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { installedKonsync, type Installed } from './support/packed.js';
import { apiExample } from './support/api-example.js';

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const TSC = resolve('node_modules/typescript/bin/tsc');
let pkg: Installed;

/** A consumer project's tsconfig: strict, NodeNext, Node's types from this checkout (the consumer has none installed). */
function typecheck(dir: string, source: string): { status: number | null; output: string } {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'consumer.ts'), source);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, outDir: 'out', typeRoots: [resolve('node_modules/@types')], types: ['node'], skipLibCheck: true },
      files: ['consumer.ts'],
    }),
  );
  const result = spawnSync(process.execPath, [TSC, '-p', dir], { encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe('the packed package, installed into an empty project', () => {
  beforeAll(() => {
    pkg = installedKonsync();
  }, 400_000);

  it('holds what users need and nothing else', () => {
    const listed = execFileSync('tar', ['tzf', pkg.tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
    for (const file of ['package/LICENSE', 'package/package.json', 'package/README.md', 'package/docs/API.md', 'package/dist/src/index.js', 'package/dist/src/index.d.ts', 'package/dist/src/cli/main.js', 'package/dist/schemas/plan.schema.json', 'package/schemas/state.schema.json', 'package/fixtures/platform.yaml']) {
      expect(listed, file).toContain(file);
    }
    expect(listed.filter((file) => /^package\/(test|bench|src|dist\/bench|dist\/test|examples)\//.test(file))).toEqual([]);
    expect(readFileSync(join(pkg.project, 'node_modules/konsync/LICENSE'), 'utf8')).toContain('Apache License');
    expect(pkg.installMode).toMatch(/offline/);
  });

  it('konsync --version and konsync version run from the installed bin', () => {
    expect(execFileSync(pkg.bin, ['--version'], { encoding: 'utf8' }).trim()).toBe(manifest.version);
    expect(execFileSync(pkg.bin, ['version'], { encoding: 'utf8' })).toContain(`konsync ${manifest.version} (node ${process.version}`);
  });

  it('konsync demo runs end to end from the installed package (its fixtures ship)', { timeout: 120_000 }, () => {
    const result = spawnSync(pkg.bin, ['demo', '--provision', '50ms'], { encoding: 'utf8', cwd: pkg.project, env: { PATH: process.env.PATH } });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('exit code 2: drift found');
  });

  it('the library imports with its types checked, and docs/API.md\'s example compiles and runs against it', { timeout: 120_000 }, () => {
    const dir = join(pkg.project, 'typed');
    const checked = typecheck(dir, apiExample());
    expect(checked.status, checked.output).toBe(0);
    const run = spawnSync(process.execPath, [join(dir, 'out', 'consumer.js')], { encoding: 'utf8', cwd: pkg.project });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout.trim().split('\n').at(-1)).toBe('in sync');
  });

  it('the declarations are real types: a wrong call does not compile', { timeout: 120_000 }, () => {
    const wrong = typecheck(join(pkg.project, 'wrong'), "import { buildPlan } from 'konsync';\nbuildPlan('not a state', 42);\n");
    expect(wrong.status).not.toBe(0);
    expect(wrong.output).toMatch(/TS2345|TS2559|TS2322/);
  });
});
