import { Command, Option } from 'commander';
import { setColorFlag } from './output.js';
import { konsyncVersion } from '../version.js';

/** A command's registration: adds it (options, help, action) to the program. */
export type RegisterCommand = (program: Command) => void;

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

/** The `konsync` program with these commands registered (all of them: src/cli/commands/index.ts). */
export function createProgram(commands: readonly RegisterCommand[]): Command {
  const program = new Command('konsync')
    .description('Declarative configuration sync for Kong Konnect Dedicated Cloud Gateways')
    .version(konsyncVersion())
    .showHelpAfterError()
    .enablePositionalOptions();
  for (const register of commands) register(program);
  addColorOption(program);
  return program;
}
