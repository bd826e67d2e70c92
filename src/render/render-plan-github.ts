// The plan as GitHub Actions workflow commands: one annotation per change, at its file and line. Masked.
import type { Operation, Plan } from '../model/plan.js';
import { headline, maskerFor, scopeLine, summaryLine, type RenderOptions } from './plan-changes.js';

/** Escaping of workflow command data and properties (actions/toolkit `command.ts`). */
const escapeData = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

function properties(op: Operation | undefined, title: string): string {
  const parts: string[] = [];
  if (op?.source) parts.push(`file=${escapeProperty(op.source.file)}`, `line=${op.source.line}`, `col=${op.source.column}`);
  parts.push(`title=${escapeProperty(title)}`);
  return parts.join(',');
}

export function renderPlanGithub(plan: Plan, options: RenderOptions = {}): string {
  const mask = maskerFor(options);
  const lines: string[] = [];
  for (const op of plan.operations) {
    if (op.action === 'wait') continue;
    const level = op.destructive ? 'warning' : 'notice';
    const scope = scopeLine(op);
    const message = scope ? `${headline(op)}; ${scope}` : headline(op);
    lines.push(`::${level} ${properties(op, mask(`konsync ${op.action}`))}::${escapeData(mask(message))}`);
  }
  for (const warning of plan.warnings) lines.push(`::warning ${properties(undefined, 'konsync')}::${escapeData(mask(warning))}`);
  lines.push(`::notice ${properties(undefined, 'konsync plan')}::${escapeData(summaryLine(plan))}`);
  return lines.join('\n');
}
