import type { Plan } from '../model/plan.js';
import type { ExecutionReport, OperationResult } from '../executor/index.js';
import { formatDuration } from '../render/duration.js';
import type { Session } from './run-command.js';

/**
 * The execution report for people: one line per operation that did not apply (failed with Konnect's message, skipped
 * with the failure it depended on, pending), then the totals. Applied operations were listed by the progress as they
 * finished; `--output json` has every result.
 */
export function renderReport(plan: Plan, report: ExecutionReport, session: Session): string {
  const c = session.colors;
  const titles = new Map(plan.operations.map((op) => [op.id, `${op.action} ${op.title}`]));
  const line = (result: OperationResult): string => {
    const title = titles.get(result.id) ?? (result.title ? `${result.action ?? ''} ${result.title}`.trim() : result.id);
    const took = result.durationMs !== undefined ? c.dim(` (${formatDuration(result.durationMs)})`) : '';
    if (result.outcome === 'failed') return `  ${c.red('✗')} ${title}: ${result.message ?? 'failed'}${took}`;
    if (result.outcome === 'skipped') return `  ${c.yellow('-')} ${title}: skipped${result.message ? ` (${result.message})` : ''}`;
    return `  ${c.dim('…')} ${title}: ${result.message ?? 'not waited for'}`;
  };
  const totals = [
    c.green(`${report.applied} applied`),
    report.failed > 0 ? c.red(`${report.failed} failed`) : `${report.failed} failed`,
    report.skipped > 0 ? c.yellow(`${report.skipped} skipped`) : `${report.skipped} skipped`,
    ...(report.pending > 0 ? [`${report.pending} not waited for (--no-wait: what depends on them is sent by a later sync)`] : []),
  ];
  const head = report.aborted ? c.yellow(c.bold('Result (interrupted):')) : c.bold('Result:');
  const notApplied = report.results.filter((result) => result.outcome !== 'applied');
  const summary = `${totals.join(', ')}.`;
  return notApplied.length === 0 ? `${head} ${summary}` : [head, ...notApplied.map(line), summary].join('\n');
}
