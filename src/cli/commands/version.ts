import type { Command } from 'commander';
import { io } from '../output.js';
import { konsyncVersion } from '../../version.js';
import { EXIT_OK } from '../exit-codes.js';

/** What a bug report needs: konsync's version, Node's, and the platform. */
export function versionLine(): string {
  return `konsync ${konsyncVersion()} (node ${process.version}, ${process.platform}-${process.arch})`;
}

/** `konsync version` (`--version` prints the bare number, for scripts). */
export function register(program: Command): void {
  program
    .command('version')
    .description('print the konsync version, with the Node version and platform')
    .action(() => {
      io().stdout(`${versionLine()}\n`);
      io().setExitCode(EXIT_OK);
    });
}
