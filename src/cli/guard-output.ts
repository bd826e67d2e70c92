import { formatProblem, ValidationError } from '../errors.js';
import { availabilityFrom, errorsOf, runGuards, warningsOf, type Finding, type OnlineFacts } from '../guards/index.js';
import type { DesiredState, LiveState } from '../model/state.js';
import type { KonnectApi } from '../konnect/types.js';
import { githubAnnotation } from './errors-output.js';
import type { Session } from './run-command.js';

/** A finding as a line: `file:line:column: path: message` (warnings prefixed). */
export function formatFinding(finding: Finding): string {
  return finding.severity === 'warning' ? `warning: ${formatProblem(finding)}` : formatProblem(finding);
}

/** A GitHub Actions annotation for a finding, at its file, line and column. */
export function findingAnnotation(finding: Finding): string {
  const text = `${finding.path ? `${finding.path}: ` : ''}${finding.message}${finding.hint ? ` (${finding.hint})` : ''}`;
  return githubAnnotation(finding.severity, text, finding);
}

/** Warnings for people: annotations in github format, else lines on stderr (JSON and plan output stay clean). */
export function printWarnings(findings: readonly Finding[], session: Session): void {
  for (const finding of warningsOf(findings)) {
    if (session.format === 'github') session.out(findingAnnotation(finding));
    else session.err(session.colors.yellow(formatFinding(finding)));
  }
}

/** Guard errors stop the command as a ValidationError (exit 1), before anything is sent. */
function refuse(findings: readonly Finding[]): void {
  const errors = errorsOf(findings);
  if (errors.length > 0) throw new ValidationError(errors);
}

/** Offline guard rails, before Konnect is read: errors stop here; warnings wait for the online pass. */
export function guardFiles(desired: DesiredState): void {
  refuse(runGuards(desired));
}

/**
 * Online guard rails, after live state is read and before the plan: the same rules against Konnect's
 * availability.json (read only when networks are declared) and live state. Prints warnings; errors stop the command.
 */
export async function guardOnline(desired: DesiredState, live: LiveState, api: KonnectApi, session: Session): Promise<void> {
  const online: OnlineFacts = { live };
  if (desired.entities.some((entity) => entity.kind === 'network')) {
    try {
      const response = await api.request({ api: 'cloud-gateways', method: 'GET', path: '/cloud-gateways/availability.json', describe: 'availability.json' });
      online.availability = availabilityFrom(response.body, 'konnect');
    } catch (error) {
      // The plan does not need it: the network rules fall back to konsync's built-in regions, and say so.
      const reason = error instanceof Error ? error.message : String(error);
      session.err(session.colors.yellow(`warning: could not read availability.json (${reason}); networks checked against konsync's built-in regions`));
    }
  }
  const findings = runGuards(desired, online);
  printWarnings(findings, session);
  refuse(findings);
}
