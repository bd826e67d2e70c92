import type { DesiredState, LiveState } from '../model/state.js';
import type { Plan } from '../model/plan.js';

export interface PlanOptions {
  /** Extra select tags from --select-tag (must agree with files that set their own). */
  selectTags?: string[];
}

/**
 * The pure heart: desired vs live → an ordered, deterministic plan. Throws PlanError (unresolvable reference,
 * cycle). OWNER: diff.
 */
export function buildPlan(_desired: DesiredState, _live: LiveState, _options: PlanOptions = {}): Plan {
  throw new Error('not implemented yet');
}
