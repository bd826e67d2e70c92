import { readLiveState } from '../state/read/index.js';
import { createPlanner, type Planner } from '../diff/index.js';
import type { DesiredState, Geo, LiveState } from '../model/state.js';
import type { Plan } from '../model/plan.js';
import type { KonnectApi } from '../konnect/types.js';
import { createClient, type KonnectOptions } from './konnect-options.js';
import { skippedKinds, type StateOptions } from './state-options.js';
import { loadDesired } from './state-files.js';
import { skipInLive } from '../state/skip.js';
import type { Session } from './run-command.js';
import { guardFiles, guardOnline } from './guard-output.js';
import { assertValidOnline } from './online-validation.js';
import { timedPhase, timedPhaseSync } from './phases.js';

export type StateCommandOptions = StateOptions & KonnectOptions;

export interface Planned {
  desired: DesiredState;
  live: LiveState;
  plan: Plan;
  api: KonnectApi;
}

/**
 * The composition every reviewing command starts with: load → read → (Konnect validates the gateway entities, for
 * plan and sync unless `--skip-online-validation`) → plan.
 */
export async function planFromFiles(options: StateCommandOptions & { skipOnlineValidation?: boolean }, session: Session, validateOnline = false): Promise<Planned> {
  const desired = await timedPhase('load', async () => {
    const loaded = await loadDesired(options, session);
    guardFiles(loaded);
    return loaded;
  });
  const api = createClient({ ...options, geo: options.geo ?? desired.geo }, session.io.env);
  // The planner compares each live entity with its desired namesake as soon as its page is decoded, while the read
  // waits on the rate limit: after the last page, little is left to plan. It is made at the first entity decoded, when
  // the first listings are out, so that indexing the files does not hold back the first request.
  let planner: Planner | undefined;
  const plannerOf = () => (planner ??= createPlanner(desired));
  const live = await timedPhase('read', async () => {
    const read = skipInLive(await readLiveState(api, desired, { onEntityDecoded: (entity) => plannerOf().addLive([entity]) }), skippedKinds(options));
    await guardOnline(desired, read, api, session);
    return read;
  });
  // The plan first: what it refuses (an unknown plugin, a reference Konnect cannot satisfy) is said in konsync's words
  // before Konnect is asked about each entity. Nothing is written either way.
  const plan = timedPhaseSync('plan', () => plannerOf().plan(live));
  if (validateOnline && !options.skipOnlineValidation) await assertValidOnline(desired, live, api);
  return { desired, live, plan, api };
}

/** Nothing desired: what `dump` reads live state against (with `everything`). */
export function emptyDesiredState(geo: Geo): DesiredState {
  return { geo, entities: [], claims: [], scopes: [], env: [], files: [] };
}

/** Changes, not counting waits. */
export function hasChanges(plan: Plan): boolean {
  return plan.summary.total > 0;
}
