import type { Operation, PlanSummary } from '../model/plan.js';

export function summarize(operations: readonly Operation[]): PlanSummary {
  const summary: PlanSummary = { create: 0, update: 0, replace: 0, delete: 0, wait: 0, total: 0 };
  for (const op of operations) summary[op.action] += 1;
  summary.total = summary.create + summary.update + summary.replace + summary.delete;
  return summary;
}
