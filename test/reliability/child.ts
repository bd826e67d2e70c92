import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('../e2e/child/konsync.mjs', import.meta.url));
const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
  ms: number;
}

export interface ChildOptions {
  env: Record<string, string | undefined>;
  /** Killed (SIGKILL) after this long; the exit then has signal SIGKILL. */
  limitMs?: number;
  /** Node flags, e.g. a heap ceiling. */
  nodeFlags?: string[];
  /** Called with the child once it runs (to send it signals). */
  started?: (kill: (signal: NodeJS.Signals) => void) => void;
}

/** `konsync <args>` from the sources in a process of its own. Bounded by `limitMs`. */
export function runChild(args: string[], options: ChildOptions): Promise<ChildExit> {
  const began = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeFlags ?? []), CHILD, MAIN, ...args], {
      env: { ...options.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const limit = setTimeout(() => child.kill('SIGKILL'), options.limitMs ?? 120_000);
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(limit);
      resolve({ code, signal, out, err, ms: performance.now() - began });
    });
    options.started?.((signal) => child.kill(signal));
  });
}
