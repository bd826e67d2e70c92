import type { RegisterCommand } from '../program.js';

/** The commands that run alone; `completion` lists every command, so it runs with the whole program. */
const ALONE = ['validate', 'diff', 'plan', 'apply', 'sync', 'dump', 'status', 'show', 'ping', 'emulator', 'demo', 'version'];

/**
 * Each command's module by name (`./<name>.js`), imported only when that command runs: a command's dependencies (the
 * live reader, the emulator...) are not loaded by the others. A test holds the names equal to src/cli/commands/index.ts.
 */
export const COMMAND_LOADERS: Readonly<Record<string, () => Promise<RegisterCommand>>> = Object.fromEntries(
  ALONE.map((name) => [name, async () => ((await import(`./${name}.js`)) as { register: RegisterCommand }).register]),
);
