import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface Installed {
  /** The packed tarball (`npm pack`). */
  tarball: string;
  /** A project directory where the tarball is installed (node_modules/konsync). */
  project: string;
  /** Its `node_modules/.bin/konsync`. */
  bin: string;
  /** A directory holding only a `konsync` link, for PATH. */
  binDir: string;
  /** How the install went: `--offline`, or `--prefer-offline` when the cache lacked something. */
  installMode: string;
}

const ROOT = resolve('.');
const INPUTS = ['src', 'schemas', 'fixtures', 'docs/API.md', 'LICENSE', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((name) => files(join(path, name)));
}

/** What the package is made of: the same inputs give the same tarball, so test files share one build. */
function inputsHash(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((input) => files(join(ROOT, input)))) hash.update(file).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } });

function build(dir: string): Installed {
  // `npm pack` runs `prepare` (the build): the tarball holds what this checkout compiles to now.
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], ROOT)) as Array<{ filename: string }>;
  const tarball = join(dir, packed[0]!.filename);
  const project = join(dir, 'project');
  mkdirSync(project, { recursive: true });
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'konsync-consumer', private: true, type: 'module' }));
  let installMode = '--offline';
  try {
    npm(['install', '--offline', '--no-audit', '--no-fund', tarball], project);
  } catch {
    // The cache lacks a dependency (a cold machine): let npm fetch only what is missing.
    installMode = '--prefer-offline';
    npm(['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], project);
  }
  const bin = join(project, 'node_modules', '.bin', 'konsync');
  const binDir = join(dir, 'bin');
  mkdirSync(binDir, { recursive: true });
  writeFileSync(join(binDir, 'konsync'), `#!/bin/sh\nexec '${bin}' "$@"\n`, { mode: 0o755 });
  return { tarball, project, bin, binDir, installMode };
}

/**
 * konsync packed and installed into an empty project, once per content of the package's inputs: the first test file
 * to ask builds (under a lock directory), the others wait for it, bounded, and reuse it.
 */
export function installedKonsync(): Installed {
  const dir = join(tmpdir(), `konsync-packed-${inputsHash()}`);
  const done = join(dir, 'installed.json');
  const lock = `${dir}.lock`;
  for (let waited = 0; waited < 600; waited++) {
    if (existsSync(done)) return JSON.parse(readFileSync(done, 'utf8')) as Installed;
    try {
      mkdirSync(lock);
    } catch {
      // Someone else builds; a lock older than 10 minutes is from a run that died.
      const age = existsSync(lock) ? Date.now() - statSync(lock).mtimeMs : 0;
      if (age > 600_000) rmSync(lock, { recursive: true, force: true });
      sleep(500);
      continue;
    }
    try {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      const installed = build(dir);
      writeFileSync(done, JSON.stringify(installed));
      return installed;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  throw new Error(`gave up waiting for ${lock}`);
}
