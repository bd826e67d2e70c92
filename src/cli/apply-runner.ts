import { ValidationError } from '../errors.js';
import type { Plan } from '../model/plan.js';
import type { KonnectApi } from '../konnect/types.js';
import { executePlan, type ExecutionReport } from '../executor/index.js';
import type { IdResolver } from '../executor/resolve.js';
import { EXIT_ERROR, EXIT_INTERRUPTED, EXIT_OK } from './exit-codes.js';
import type { ApplyFlags } from './apply-options.js';
import { assertSafe } from './safety.js';
import { progressPrinter } from './progress-output.js';
import { renderReport } from './report.js';
import type { Session } from './run-command.js';
import { afterApply, renderAfterApply, type AfterApply } from '../dcgw/after-apply.js';

/** Refuses a plan whose DECK_ variables are not all set here: nothing is sent. */
function assertEnv(plan: Plan, env: Record<string, string | undefined>): void {
  const missing = plan.env.filter((name) => env[name] === undefined);
  if (missing.length > 0) {
    throw new ValidationError(missing.map((name) => ({ message: `environment variable ${name} is not set; the plan's requests use it` })));
  }
}

/** What is checked before anything is sent: the safety gates and the plan's DECK_ variables. */
export function preflight(plan: Plan, flags: ApplyFlags, env: Record<string, string | undefined>): void {
  assertSafe(plan, flags);
  assertEnv(plan, env);
}

export interface ApplyOutcome {
  report: ExecutionReport;
  exitCode: number;
  /** DNS records, IAM roles and group conflicts for what was applied (JSON: `dcgw`). */
  notes?: AfterApply;
}

/** The after-apply notes; reading them must not turn a good apply into a failure, so a failure is a warning. */
async function notesAfter(plan: Plan, api: KonnectApi, session: Session): Promise<AfterApply | undefined> {
  try {
    return await afterApply(plan, api);
  } catch (error) {
    session.err(`warning: could not read DNS records, IAM roles and group status after the apply: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/**
 * Safety gates, then the executor with progress on stderr, then the report. The caller prints the report in JSON
 * mode (it may have more to add); in text mode it is printed here.
 */
export async function applyPlan(plan: Plan, api: KonnectApi, flags: ApplyFlags, session: Session, resolver?: IdResolver): Promise<ApplyOutcome> {
  preflight(plan, flags, session.io.env);
  const waits = plan.summary.wait > 0 ? `, then ${plan.summary.wait} readiness wait${plan.summary.wait === 1 ? '' : 's'}` : '';
  session.err(`\nApplying ${plan.summary.total} change${plan.summary.total === 1 ? '' : 's'}${waits}${flags.wait ? '' : ' (--no-wait: not waiting)'}:`);
  const progress = progressPrinter(session);
  // Ctrl-C (or a CI job cancelled: SIGTERM): start nothing more, let requests in flight finish, report what happened.
  const controller = new AbortController();
  let stoppedBy: number | undefined;
  const handlers = STOP_SIGNALS.map(({ signal, code }) => {
    const handler = () => {
      stoppedBy ??= code;
      session.err(`Interrupted${signal === 'SIGINT' ? '' : ` (${signal})`}: letting requests in flight finish and starting no more.`);
      controller.abort();
    };
    process.once(signal, handler);
    return { signal, handler };
  });
  let report: ExecutionReport;
  try {
    report = await executePlan(plan, api, {
      env: session.io.env,
      noWait: !flags.wait,
      ...(flags.waitTimeout !== undefined ? { waitTimeoutMs: flags.waitTimeout } : {}),
      onProgress: progress.onProgress,
      signal: controller.signal,
      ...(resolver ? { resolver } : {}),
    });
  } finally {
    for (const { signal, handler } of handlers) process.off(signal, handler);
    progress.close();
  }
  if (session.format !== 'json') session.out(`\n${renderReport(plan, report, session)}`);
  const notes = report.aborted ? undefined : await notesAfter(plan, api, session);
  const noteText = notes && session.format !== 'json' ? renderAfterApply(notes) : '';
  if (noteText !== '') session.out(`\n${noteText}`);
  return { report, exitCode: report.aborted && stoppedBy !== undefined ? stoppedBy : exitCodeOf(report), ...(notes ? { notes } : {}) };
}

/** Signals that stop a run cleanly, and the exit code after the report: 128 + the signal's number, as shells report it. */
const STOP_SIGNALS = [
  { signal: 'SIGINT', code: EXIT_INTERRUPTED },
  { signal: 'SIGTERM', code: 143 },
] as const;

/** 130 after Ctrl-C; 1 when anything failed or was skipped (the files are not in effect); pendings (--no-wait) are 0. */
export function exitCodeOf(report: ExecutionReport): number {
  if (report.aborted) return EXIT_INTERRUPTED;
  return report.failed > 0 || report.skipped > 0 ? EXIT_ERROR : EXIT_OK;
}
