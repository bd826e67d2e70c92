// Problems the loader left to live state (`DesiredState.liveChecks`): a plugin name only a custom plugin in Konnect
// can define. Those live state cannot clear stop the plan before anything is sent.
import { formatProblem, PlanError } from '../errors.js';
import type { Entity } from '../model/entity.js';
import type { LiveCheck } from '../model/state.js';

export function assertLiveChecks(checks: readonly LiveCheck[] | undefined, live: readonly Entity[]): void {
  if (!checks || checks.length === 0) return;
  const held = new Set<string>();
  for (const entity of live) {
    for (const [field, value] of Object.entries(entity.fields)) {
      if (typeof value === 'string') held.add(`${entity.kind}\u0000${entity.controlPlane ?? ''}\u0000${field}\u0000${value}`);
    }
  }
  const failing = checks.filter((check) => !held.has(`${check.need.kind}\u0000${check.controlPlane ?? ''}\u0000${check.need.field}\u0000${check.need.value}`));
  if (failing.length > 0) throw new PlanError(failing.map((check) => formatProblem(check.problem)).join('\n'));
}
