// The plan as JSON (the saved-plan form), with every string masked.
import type { Plan } from '../model/plan.js';
import { maskJson, maskerFor, type RenderOptions } from './plan-changes.js';

export function renderPlanJson(plan: Plan, options: RenderOptions = {}): string {
  const masked = maskJson(plan, maskerFor(options));
  return `${JSON.stringify(masked, null, 2)}\n`;
}
