import type { RegisterCommand } from '../program.js';

/**
 * Each command's module by name, imported only when that command runs: a command's dependencies (the live reader, the
 * emulator, Ajv...) are not loaded by the others. Same names as src/cli/commands/index.ts (a test holds them equal).
 */
export const COMMAND_LOADERS: Readonly<Record<string, () => Promise<RegisterCommand>>> = {
  validate: async () => (await import('./validate.js')).register,
  diff: async () => (await import('./diff.js')).register,
  plan: async () => (await import('./plan.js')).register,
  apply: async () => (await import('./apply.js')).register,
  sync: async () => (await import('./sync.js')).register,
  dump: async () => (await import('./dump.js')).register,
  status: async () => (await import('./status.js')).register,
  show: async () => (await import('./show.js')).register,
  ping: async () => (await import('./ping.js')).register,
  emulator: async () => (await import('./emulator.js')).register,
  demo: async () => (await import('./demo.js')).register,
  version: async () => (await import('./version.js')).register,
};
