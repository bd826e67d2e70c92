import type { Command } from 'commander';

/** Placeholder: registered by the owner of this command. */
export function register(_program: Command): void {}
