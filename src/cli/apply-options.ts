import { Option, type Command } from 'commander';
import { parseDuration } from './duration.js';
import { wholeNumber } from './whole-number.js';
import { DEFAULT_MAX_DELETES, type SafetyFlags } from './safety.js';

/** Flags of the commands that write: apply and sync. */
export interface ApplyFlags extends SafetyFlags {
  /** false with --no-wait. */
  wait: boolean;
  /** ms, from --wait-timeout. */
  waitTimeout?: number;
}

export function addApplyOptions(command: Command): Command {
  return command
    .addOption(new Option('--allow-destructive', 'allow replacements (delete + create) and more deletes than --max-deletes'))
    .addOption(new Option('--max-deletes <n>', 'deletes allowed without --allow-destructive').argParser(wholeNumber(0)).default(DEFAULT_MAX_DELETES))
    .addOption(
      new Option('--wait-timeout <duration>', 'give up waiting for one resource to become ready after this long (90s, 30m, 1h)')
        .argParser(parseDuration),
    )
    .addOption(new Option('--no-wait', 'return once Konnect accepted the requests, without waiting for readiness'));
}
