// The plan as a pull-request comment: a summary table and collapsible details. Masked.
import type { Plan } from '../model/plan.js';
import { SYMBOLS, changeLine, fieldChanges, headline, maskerFor, scopeLine, summaryLine, type RenderOptions } from './plan-changes.js';

const cell = (text: string): string => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (text: string): string => `\`${text.replace(/`/g, 'ˋ')}\``;

export function renderPlanMarkdown(plan: Plan, options: RenderOptions = {}): string {
  const mask = maskerFor(options);
  const out: string[] = ['### konsync plan', '', `**${summaryLine(plan)}**`, ''];
  const changes = plan.operations.filter((op) => op.action !== 'wait');
  if (changes.length > 0) {
    out.push('| | Action | Resource | Notes |', '|---|---|---|---|');
    for (const op of changes) {
      const why = op.reason && op.action !== 'update' ? op.reason : '';
      const scope = scopeLine(op);
      const destructive = `⚠️ destructive${why ? `: ${why}` : ''}${scope ? `; ${scope}` : ''}`;
      const notes = op.action === 'replace' || op.action === 'delete' ? destructive : why;
      out.push(`| ${SYMBOLS[op.action]} | ${op.action} | ${cell(code(mask(op.title)))} | ${cell(mask(notes))} |`);
    }
    out.push('');
  }
  if (plan.warnings.length > 0) {
    out.push('**Warnings**', '');
    for (const warning of plan.warnings) out.push(`- ${mask(warning)}`);
    out.push('');
  }
  if (plan.operations.length > 0) {
    const body: string[] = [];
    for (const op of plan.operations) {
      body.push(mask(headline(op)));
      const scope = scopeLine(op);
      if (scope) body.push(`    ${mask(scope)}`);
      if (op.action === 'update' || op.action === 'replace') for (const change of fieldChanges(op)) body.push(`    ${changeLine(change, mask)}`);
    }
    const fence = body.some((line) => line.includes('```')) ? '````' : '```';
    out.push('<details><summary>Details</summary>', '', `${fence}diff`, ...body, fence, '', '</details>', '');
  }
  return out.join('\n');
}
