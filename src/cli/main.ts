#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { createProgram } from './program.js';
import { COMMAND_LOADERS } from './commands/lazy.js';

/**
 * The program for these arguments. `konsync <command> ...` registers that command alone, so a run loads only what it
 * needs; anything else (no command, a global option first, `help`, `completion`, which lists every command) builds
 * the whole program.
 */
export async function programFor(argv: readonly string[]): Promise<Command> {
  const name = argv[2];
  const load = name === undefined ? undefined : COMMAND_LOADERS[name];
  if (load) return createProgram([await load()]);
  return (await import('./commands/index.js')).buildProgram();
}

/**
 * Run as the program (`node main.js`, or the `konsync` bin link), not imported. Compared as real paths: a URL built by
 * hand misses a path with spaces or other characters a file URL escapes, and the CLI would then silently do nothing.
 */
function invokedDirectly(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  programFor(process.argv)
    .then((program) => program.parseAsync(process.argv))
    .catch((error: unknown) => {
      process.stderr.write(`konsync: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}
