#!/usr/bin/env node
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

const isMain = import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/konsync');
if (isMain) {
  buildProgram()
    .parseAsync(process.argv)
    .catch((error: unknown) => {
      process.stderr.write(`konsync: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}
