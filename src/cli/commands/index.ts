import type { Command } from 'commander';
import { createProgram, type RegisterCommand } from '../program.js';
import { register as validate } from './validate.js';
import { register as diff } from './diff.js';
import { register as plan } from './plan.js';
import { register as apply } from './apply.js';
import { register as sync } from './sync.js';
import { register as dump } from './dump.js';
import { register as ping } from './ping.js';
import { register as emulator } from './emulator.js';
import { register as demo } from './demo.js';
import { register as status } from './status.js';
import { register as show } from './show.js';
import { register as completion } from './completion.js';
import { register as version } from './version.js';

/** Every command, in the order `konsync --help` lists them. */
export const COMMANDS: RegisterCommand[] = [validate, diff, plan, apply, sync, dump, status, show, ping, emulator, demo, completion, version];

/** The program with every command: `konsync --help`, completion scripts, the in-process runner. */
export function buildProgram(): Command {
  return createProgram(COMMANDS);
}
