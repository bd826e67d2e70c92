// The plan for a terminal: one block per resource, field changes, warnings, a summary line. Masked.
import pc from 'picocolors';
import type { Action, Plan } from '../model/plan.js';
import { changeLine, fieldChanges, headline, maskerFor, scopeLine, summaryLine, type RenderOptions } from './plan-changes.js';

type Paint = (text: string) => string;

export function renderPlanText(plan: Plan, options: RenderOptions = {}): string {
  const mask = maskerFor(options);
  const colors = pc.createColors(options.color === true);
  const paint: Record<Action, Paint> = { create: colors.green, delete: colors.red, update: colors.yellow, replace: colors.magenta, wait: colors.cyan };
  const lines: string[] = [];
  for (const op of plan.operations) {
    const where = op.source ? colors.dim(`  (${mask(`${op.source.file}:${op.source.line}`)})`) : '';
    lines.push(paint[op.action](mask(headline(op))) + where);
    const scope = scopeLine(op);
    if (scope) lines.push(colors.red(`    ${mask(scope)}`));
    if (op.action === 'update' || op.action === 'replace') {
      for (const change of fieldChanges(op)) lines.push(`    ${changeLine(change, mask)}`);
    }
  }
  if (plan.warnings.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push(colors.yellow('Warnings:'));
    for (const warning of plan.warnings) lines.push(`  ! ${mask(warning)}`);
  }
  if (plan.env.length > 0) lines.push('', `Needs at apply time: ${plan.env.join(', ')}`);
  if (lines.length > 0) lines.push('');
  lines.push(colors.bold(summaryLine(plan)));
  return lines.join('\n');
}
