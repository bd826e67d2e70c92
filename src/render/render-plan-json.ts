// The plan as JSON (the saved-plan form), with every string masked.
import type { Plan } from '../model/plan.js';
import { maskJson, maskerFor, type RenderOptions } from './plan-changes.js';
import { NO_MASK } from './mask.js';

export function renderPlanJson(plan: Plan, options: RenderOptions = {}): string {
  const mask = maskerFor(options);
  // Nothing to mask: the plan as it is, where its copy would read the same (plain objects, no `__proto__` key).
  const masked = mask === NO_MASK && copiesAsItIs(plan) ? plan : maskJson(plan, mask);
  return `${JSON.stringify(masked, null, 2)}\n`;
}

/** Whether maskJson with nothing to mask would give data that stringifies the same: arrays and plain objects only. */
function copiesAsItIs(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (Array.isArray(value)) return value.every(copiesAsItIs);
  if (Object.getPrototypeOf(value) !== Object.prototype || Object.hasOwn(value, '__proto__')) return false;
  for (const key in value) if (!copiesAsItIs((value as Record<string, unknown>)[key])) return false;
  return true;
}
