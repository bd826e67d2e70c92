import { StalePlanError } from '../errors.js';
import type { Plan } from '../model/plan.js';
import type { KonnectApi } from '../konnect/types.js';
import { checkFingerprints } from '../executor/stale-check.js';
import type { IdResolver } from '../executor/resolve.js';

/** Refuses a saved plan when something it touches changed in Konnect since it was made, naming each resource. */
export async function assertFresh(plan: Plan, api: KonnectApi, resolver?: IdResolver): Promise<void> {
  const stale = await checkFingerprints(plan, api, resolver ? { resolver } : {});
  if (stale.length === 0) return;
  const titles = new Map(plan.operations.map((op) => [op.id, op.title]));
  const what = { deleted: 'was deleted', changed: 'changed', exists: 'was created', elsewhere: 'is not the entity the plan holds the id of' } as const;
  const lines = stale.map((item) => `${titles.get(item.id) ?? item.id} ${what[item.reason]} since the plan was made`);
  throw new StalePlanError(`the plan is stale: ${lines.join('; ')}. Make a new plan with \`konsync plan\``);
}
