import type { Command } from 'commander';
import { addDeckFlags } from '../deck-flags.js';
import { addKonnectOptions } from '../konnect-options.js';
import { addOutputOption, addStateOptions } from '../state-options.js';
import { addApplyOptions, type ApplyFlags } from '../apply-options.js';
import { runCommand } from '../run-command.js';
import { addOnlineValidationOption } from '../online-validation.js';
import { hasChanges, planFromFiles, type StateCommandOptions } from '../pipeline.js';
import { renderPlan } from '../plan-output.js';
import { withSecretFieldsMasked } from '../../render/secret-plan.js';
import { applyPlan, preflight } from '../apply-runner.js';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes.js';

const EXAMPLES = `
Examples:
  $ konsync sync -s konnect/                       # shows the plan, asks before applying (on a terminal)
  $ konsync sync -s konnect/ --yes                 # no question
  $ konsync sync -s konnect/ --output json --yes   # plan and report as one JSON object
  $ konsync sync -s team-a.yaml --select-tag team-a --max-deletes 0

sync asks for confirmation only on a terminal. Without one (CI, cron) it proceeds, as decK's sync does: the safety
gates still hold (no replacements, at most --max-deletes deletes, unless --allow-destructive).
Exit codes: 0 in sync (applied, or nothing to do), 1 an error, a failed or skipped operation or a declined
confirmation, 130 interrupted (Ctrl-C: requests in flight finish, nothing new starts, the report says what was done).`;

interface SyncOptions extends StateCommandOptions, ApplyFlags {
  yes?: boolean;
}

/** `konsync sync`: plan and apply in one step. */
export function register(program: Command): void {
  const command = program.command('sync').description('make Konnect match the files: plan, confirm, apply, wait for readiness');
  addStateOptions(command);
  addDeckFlags(command);
  addKonnectOptions(command);
  addOutputOption(command);
  addOnlineValidationOption(command);
  addApplyOptions(command);
  command
    .option('-y, --yes', 'apply without asking')
    .addHelpText('after', EXAMPLES)
    .action(async (options: SyncOptions) => {
      await runCommand(options.output, async (session) => {
        const { plan, api, desired } = await planFromFiles(options, session, true);
        const json = session.format === 'json';
        const shown = withSecretFieldsMasked(plan);
        if (!json) session.out(renderPlan(plan, session, desired));
        if (!hasChanges(plan)) {
          if (json) session.out(JSON.stringify({ plan: shown, report: null }, null, 2));
          return EXIT_OK;
        }
        preflight(plan, options, session.io.env);
        if (!options.yes && session.io.interactive && !(await session.io.confirm('Apply these changes?'))) {
          if (json) session.out(JSON.stringify({ plan: shown, report: null, cancelled: true }, null, 2));
          else session.err('Cancelled: nothing was applied.');
          return EXIT_ERROR;
        }
        const { report, exitCode, notes } = await applyPlan(plan, api, options, session);
        if (json) session.out(JSON.stringify({ plan: shown, report, ...(notes ? { dcgw: notes } : {}) }, null, 2));
        return exitCode;
      });
    });
}
