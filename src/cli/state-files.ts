import { ValidationError } from '../errors.js';
import { loadState, type LoadOptions } from '../state/load/index.js';
import type { DesiredState } from '../model/state.js';
import { skippedKinds, type StateOptions } from './state-options.js';
import { skipInDesired } from '../state/skip.js';
import type { Session } from './run-command.js';

// The files side of a command, apart from the pipeline: `validate` loads files without the planner and the reader.

/** The `-s/--state` paths; none given is a ValidationError with a hint. */
export function statePaths(options: StateOptions): string[] {
  const paths = options.state ?? [];
  if (paths.length === 0) {
    throw new ValidationError([{ message: 'no state files given', hint: 'pass -s/--state PATH, a file or a directory' }]);
  }
  return paths;
}

/** What the shared state flags (`--geo`, `--select-tag`, `--konnect-control-plane-name`) and the environment ask of the loader. */
export function loadOptions(options: StateOptions, session: Session): LoadOptions {
  return {
    geo: options.geo,
    owner: options.owner,
    env: session.io.env,
    selectTags: options.selectTag ?? [],
    ...(options.includePluginDefinitions === true ? { includePluginDefinitions: true } : {}),
    ...(options.skipHashForBasicAuth === true ? { storeAsSent: true } : {}),
    ...(options.konnectControlPlaneName !== undefined ? { controlPlaneName: options.konnectControlPlaneName } : {}),
  };
}

/** Files → desired state. */
export async function loadDesired(options: StateOptions, session: Session): Promise<DesiredState> {
  // A plugin name the files do not define may be a custom plugin only Konnect holds: the planner checks live state.
  return skipInDesired(await loadState(statePaths(options), { ...loadOptions(options, session), liveChecks: 'defer' }), skippedKinds(options));
}
