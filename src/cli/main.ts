#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import { COMMANDS } from './commands/index.js';
import { setColorFlag } from './output.js';
import { konsyncVersion } from '../version.js';

/** `--no-color` on the program and on every command, so it works wherever it is written. */
function addColorOption(program: Command): void {
  for (const command of [program, ...program.commands]) {
    if (command.options.some((option) => option.long === '--no-color')) continue;
    command.addOption(new Option('--no-color', 'no colour (also NO_COLOR=1 or TERM=dumb; FORCE_COLOR=1 forces it)'));
  }
  program.hook('preAction', (root, action) => {
    setColorFlag(root.opts().color === false || action.opts().color === false ? false : undefined);
  });
}

export function buildProgram(): Command {
  const program = new Command('konsync')
    .description('Declarative configuration sync for Kong Konnect Dedicated Cloud Gateways')
    .version(konsyncVersion())
    .showHelpAfterError()
    .enablePositionalOptions();
  for (const register of COMMANDS) register(program);
  addColorOption(program);
  return program;
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
  buildProgram()
    .parseAsync(process.argv)
    .catch((error: unknown) => {
      process.stderr.write(`konsync: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}
