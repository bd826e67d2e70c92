import type { Command } from 'commander';
import { ValidationError } from '../errors.js';
import type { KonnectApi } from '../konnect/types.js';
import type { DesiredState, LiveState } from '../model/state.js';
import { validateOnline } from '../online/validate-online.js';

/** `--skip-online-validation` (plan, sync). */
export function addOnlineValidationOption(command: Command): Command {
  return command.option('--skip-online-validation', 'do not have Konnect validate each gateway entity before planning');
}

/** Konnect's own validation of every declared gateway entity: its refusals are a ValidationError, before any write. */
export async function assertValidOnline(desired: DesiredState, live: LiveState, api: KonnectApi): Promise<void> {
  const problems = await validateOnline(desired, live, api);
  if (problems.length > 0) throw new ValidationError(problems);
}
