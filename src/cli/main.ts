#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { COMMANDS } from './commands/index.js';

export function buildProgram(): Command {
  const program = new Command('konsync')
    .description('Declarative configuration sync for Kong Konnect Dedicated Cloud Gateways')
    .version('0.1.0')
    .showHelpAfterError()
    .enablePositionalOptions();
  for (const register of COMMANDS) register(program);
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
