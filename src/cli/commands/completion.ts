import { Argument, type Command } from 'commander';
import { io } from '../output.js';
import { completionScript, SHELLS, type Shell } from '../completion.js';
import { EXIT_OK } from '../exit-codes.js';

const EXAMPLES = `
Examples:
  $ eval "$(konsync completion bash)"                                # bash, this shell; add it to ~/.bashrc to keep it
  $ konsync completion zsh > "\${fpath[1]}/_konsync"                  # zsh
  $ konsync completion fish > ~/.config/fish/completions/konsync.fish  # fish`;

/** The root program: completion covers every command registered, whichever registered first. */
function root(command: Command): Command {
  let current = command;
  for (let depth = 0; depth < 10 && current.parent; depth++) current = current.parent;
  return current;
}

/** `konsync completion bash|zsh|fish`: prints a completion script generated from the command tree. */
export function register(program: Command): void {
  program
    .command('completion')
    .description('print a shell completion script (bash, zsh or fish)')
    .addArgument(new Argument('<shell>', 'the shell').choices([...SHELLS]))
    .addHelpText('after', EXAMPLES)
    .action((shell: Shell, _options: unknown, command: Command) => {
      io().stdout(completionScript(root(command), shell));
      io().setExitCode(EXIT_OK);
    });
}
