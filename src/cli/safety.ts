import { KonsyncError } from '../errors.js';
import type { Plan } from '../model/plan.js';

/** Deletes a plan may hold without --allow-destructive. */
export const DEFAULT_MAX_DELETES = 10;

export interface SafetyFlags {
  allowDestructive?: boolean;
  maxDeletes: number;
}

/** The plan would destroy more than the flags allow; nothing was sent. */
export class UnsafePlanError extends KonsyncError {
  override name = 'UnsafePlanError';
  constructor(readonly reasons: string[]) {
    super(`refusing to apply: ${reasons.join('; ')} (review the plan, then pass --allow-destructive)`);
  }
}

/** Why the plan needs --allow-destructive: replacements (delete + create) always, deletes beyond --max-deletes. */
export function unsafeReasons(plan: Plan, flags: SafetyFlags): string[] {
  if (flags.allowDestructive) return [];
  const reasons: string[] = [];
  for (const op of plan.operations) {
    if (op.action === 'replace') reasons.push(`${op.title} would be replaced (deleted and re-created${op.reason ? `: ${op.reason}` : ''})`);
  }
  const own = plan.operations.filter((op) => op.action === 'delete').length;
  // What Konnect deletes along with a deleted or replaced resource counts too: that is what the user loses.
  const along = plan.operations.reduce((sum, op) => sum + (op.scope?.total ?? 0), 0);
  const deletes = own + along;
  if (deletes > flags.maxDeletes) {
    const detail = along > 0 ? ` (${along} of them going along with a deleted or replaced resource)` : '';
    reasons.push(`${deletes} deletes${detail}, more than --max-deletes ${flags.maxDeletes}`);
  }
  return reasons;
}

export function assertSafe(plan: Plan, flags: SafetyFlags): void {
  const reasons = unsafeReasons(plan, flags);
  if (reasons.length > 0) throw new UnsafePlanError(reasons);
}
