import type { Command } from 'commander';
import { addDeckFlags } from '../deck-flags.js';
import { formatProblem, ValidationError, type Problem } from '../../errors.js';
import type { DesiredState } from '../../model/state.js';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes.js';
import { loadState } from '../../state/load/index.js';
import { markPhase } from '../phases.js';
import { loadOptions, statePaths } from '../state-files.js';
import { runCommand, type Session } from '../run-command.js';
import { errorsOf, runGuards, type Finding } from '../../guards/index.js';
import { findingAnnotation, formatFinding, printWarnings } from '../guard-output.js';
import { githubAnnotation } from '../errors-output.js';
import { checkDomains, declaredDomains, dnsWarnings } from '../../dcgw/domain-dns.js';
import { addKonnectOptions, createClient, type KonnectOptions } from '../konnect-options.js';
import { currentResolver } from '../../dcgw/dns-check.js';
import { addOutputOption, addStateOptions, skippedKinds, type StateOptions } from '../state-options.js';
import { skipInDesired } from '../../state/skip.js';

const EXAMPLES = `
Examples:
  $ konsync validate -s konnect/                     # every file under konnect/, offline, no token needed
  $ konsync validate -s platform.yaml -s payments/ --output json
  $ konsync validate -s konnect/ --mock-env          # DECK_ variables not set: their names stand in for values
  $ konsync validate -s konnect/ --output github      # problems and guard-rail warnings as pull-request annotations
  $ konsync validate -s konnect/ --online            # and ask Konnect to validate each gateway entity (needs a token)

Also runs the Dedicated Cloud Gateway guard rails (README "Guard rails"): errors where Konnect would refuse,
warnings where it would accept something that will not work.
Exit codes: 0 valid (warnings allowed), 1 invalid (every problem is listed, one per line: file:line:column: path: message).`;

interface ValidateOptions extends StateOptions, KonnectOptions {
  online?: boolean;
  checkDns?: boolean;
  mockEnv?: boolean;
}

/** Control planes the state touches: declared ones and those gateway entities belong to. */
function controlPlaneCount(state: DesiredState): number {
  const names = new Set<string>();
  for (const entity of state.entities) {
    if (entity.kind === 'control_plane') names.add(entity.key);
    if (entity.controlPlane !== undefined) names.add(entity.controlPlane);
  }
  return names.size;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Warnings for people: the loader's, and files whose control plane is decK's implicit `default`. */
function warningsOf(state: DesiredState, flagged: boolean): string[] {
  const unnamed = flagged ? [] : (state.unnamedControlPlane ?? []);
  return [
    ...(state.warnings ?? []),
    ...(state.deferredReferences ?? []),
    ...unnamed.map(
      (file) =>
        `${file} names no control plane: its gateway entities go to the control plane "default", as in decK; ` +
        'name it with _konnect.control_plane_name, or pass --konnect-control-plane-name',
    ),
  ];
}

function reportProblems(session: Session, problems: Problem[]): void {
  if (session.format === 'json') {
    session.out(JSON.stringify({ valid: false, problems }, null, 2));
    return;
  }
  if (session.format === 'github') {
    for (const problem of problems) session.out(githubAnnotation('error', `${problem.path ? `${problem.path}: ` : ''}${problem.message}`, problem));
    return;
  }
  for (const problem of problems) session.out(formatProblem(problem));
  session.out(session.colors.red(`✗ ${count(problems.length, 'problem')}`));
}

/** A loaded state and its guard-rail findings: errors make it invalid, warnings are shown and keep exit 0. */
function reportState(session: Session, state: DesiredState, findings: Finding[], flagged: boolean): void {
  const errors = errorsOf(findings);
  const warnings = warningsOf(state, flagged);
  if (session.format === 'json') {
    const body = {
      valid: errors.length === 0, problems: errors, files: state.files.length, controlPlanes: controlPlaneCount(state),
      entities: state.entities.length, warnings, skipped: state.skipped ?? [], findings,
    };
    session.out(JSON.stringify(body, null, 2));
    return;
  }
  for (const warning of warnings) session.err(session.colors.yellow(`warning: ${warning}`));
  if (session.format === 'github') {
    for (const finding of findings) session.out(findingAnnotation(finding));
  } else {
    printWarnings(findings, session);
    for (const error of errors) session.out(formatFinding(error));
  }
  if (errors.length > 0) {
    session.out(session.colors.red(`✗ ${count(errors.length, 'problem')}`));
    return;
  }
  const planes = count(controlPlaneCount(state), 'control plane');
  const skipped = state.skipped?.length ? ` (${count(state.skipped.length, 'file')} found that ${state.skipped.length === 1 ? 'is' : 'are'} not state: skipped)` : '';
  session.out(session.colors.green(`✓ ${count(state.files.length, 'file')} valid: ${planes}, ${count(state.entities.length, 'entity', 'entities')}${skipped}`));
}

/** `konsync validate -s PATH...`: loads and checks the state files offline (no Konnect token needed). */
export function register(program: Command): void {
  const command = program.command('validate').description('check state files offline: syntax, schema, references, Konnect rules');
  addStateOptions(command);
  addDeckFlags(command);
  addOutputOption(command, ['text', 'json', 'github']);
  addKonnectOptions(command);
  command
    .option('--mock-env', 'render ${{ env "DECK_X" }} as the variable name instead of its value (no secrets needed)')
    .option('--online', 'also have Konnect validate every gateway entity (POST .../schemas/{entity}/validate), as decK\'s gateway validate does')
    .option('--check-dns', 'ask public DNS whether each custom domain’s CAA records allow pki.goog, which issues Konnect’s certificates (warnings)')
    .addHelpText('after', EXAMPLES)
    .action(async (options: ValidateOptions) => {
      await runCommand(options.output, async (session) => {
        // No paths is a usage error, printed as one; problems in the files are the report.
        const paths = statePaths(options);
        try {
          markPhase('load', 'start');
          const loaded = await loadState(paths, {
            ...loadOptions(options, session),
            envMode: options.mockEnv ? 'mock' : 'render',
          });
          const state = skipInDesired(loaded, skippedKinds(options));
          const findings = runGuards(state);
          markPhase('load', 'end');
          if (errorsOf(findings).length === 0) {
            // Offline there is no gateway hostname to compare CNAMEs with: only CAA (diff --check-dns and status do both).
            if (options.checkDns) (state.warnings ??= []).push(...dnsWarnings(await checkDomains(declaredDomains(state), currentResolver())));
            if (options.online) {
              const api = createClient({ ...options, geo: options.geo ?? state.geo }, session.io.env);
              // Only --online reads Konnect: the reader and the online checks are loaded then, not by every validate.
              const [{ readLiveState }, { validateOnline }] = await Promise.all([import('../../state/read/index.js'), import('../../online/validate-online.js')]);
              const refused = await validateOnline(state, await readLiveState(api, state, { schemaDefaults: false }), api);
              if (refused.length > 0) throw new ValidationError(refused);
            }
          }
          reportState(session, state, findings, options.konnectControlPlaneName !== undefined);
          return errorsOf(findings).length > 0 ? EXIT_ERROR : EXIT_OK;
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          reportProblems(session, error.problems);
          return EXIT_ERROR;
        }
      });
    });
}
