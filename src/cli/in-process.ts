import { CommanderError, type Command } from 'commander';
import { io, useIO, type CliIO } from './output.js';

function everyCommand(command: Command): Command[] {
  return [command, ...command.commands.flatMap(everyCommand)];
}

/**
 * Runs `konsync <args>` in this process with `target` as its IO (the demo's steps; tests with `captureIO()`), and
 * returns the exit code instead of setting it. Commander's own messages (help, unknown options) go to `target` too,
 * and its errors come back as exit codes rather than ending the process.
 */
export async function runInProcess(args: string[], target: CliIO = io()): Promise<number> {
  const { buildProgram } = await import('./commands/index.js');
  let code = 0;
  const restore = useIO({
    ...target,
    setExitCode: (value) => {
      code = value;
    },
  });
  try {
    const program = buildProgram();
    for (const command of everyCommand(program)) {
      command.exitOverride().configureOutput({ writeOut: (text) => target.stdout(text), writeErr: (text) => target.stderr(text) });
    }
    await program.parseAsync(args, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    code = error.exitCode;
  } finally {
    restore();
  }
  return code;
}
