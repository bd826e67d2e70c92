import type { Plan } from '../model/plan.js';
import type { Session } from './run-command.js';

/** The plan in the session's format. */
export function renderPlan(plan: Plan, session: Session): string {
  if (session.format === 'json') return JSON.stringify(plan, null, 2);
  const s = plan.summary;
  const lines = plan.operations.map((op) => `${op.action} ${op.title}`);
  lines.push(`Plan: ${s.create} to create, ${s.update} to update, ${s.replace} to replace, ${s.delete} to delete.`);
  return lines.join('\n');
}

/** What `plan --out` says after saving. */
export function renderPlanSaved(plan: Plan, file: string, session: Session): string {
  if (session.format === 'json') return JSON.stringify({ out: file, summary: plan.summary, warnings: plan.warnings, env: plan.env }, null, 2);
  if (plan.summary.total === 0) return `Saved ${file}: no changes.`;
  return `Saved the plan to ${file}. Apply it with: konsync apply ${file}`;
}
