import type { Plan } from '../model/plan.js';
import type { ExecutionReport, OperationResult } from '../executor/index.js';
import { formatDuration } from '../executor/errors.js';
import type { Session } from './run-command.js';

/** The execution report for people: one line per operation that did not simply succeed, then the totals. */
export function renderReport(plan: Plan, report: ExecutionReport, session: Session): string {
  const c = session.colors;
  const titles = new Map(plan.operations.map((op) => [op.id, `${op.action} ${op.title}`]));
  const line = (result: OperationResult): string => {
    const title = titles.get(result.id) ?? (result.title ? `${result.action ?? ''} ${result.title}`.trim() : result.id);
    const took = result.durationMs !== undefined ? c.dim(` (${formatDuration(result.durationMs)})`) : '';
    if (result.outcome === 'applied') return `  ${c.green('✓')} ${title}${took}`;
    if (result.outcome === 'failed') return `  ${c.red('✗')} ${title}: ${result.message ?? 'failed'}${took}`;
    if (result.outcome === 'skipped') return `  ${c.yellow('-')} ${title}: skipped${result.message ? ` (${result.message})` : ''}`;
    return `  ${c.dim('…')} ${title}: not waited for${result.message ? ` (${result.message})` : ''}`;
  };
  const totals = [
    c.green(`${report.applied} applied`),
    report.failed > 0 ? c.red(`${report.failed} failed`) : `${report.failed} failed`,
    report.skipped > 0 ? c.yellow(`${report.skipped} skipped`) : `${report.skipped} skipped`,
    ...(report.pending > 0 ? [`${report.pending} not waited for (--no-wait; a later apply finishes them)`] : []),
  ];
  const head = report.aborted ? c.yellow(c.bold('Result (interrupted):')) : c.bold('Result:');
  return [head, ...report.results.map(line), `${totals.join(', ')}.`].join('\n');
}
