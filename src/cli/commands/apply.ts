import type { Command } from 'commander';
import { addKonnectOptions, createClient, type KonnectOptions } from '../konnect-options.js';
import { addGeoOption, addOutputOption, type OutputFormat } from '../state-options.js';
import { addApplyOptions, type ApplyFlags } from '../apply-options.js';
import { runCommand } from '../run-command.js';
import { readPlanFile } from '../plan-file.js';
import { assertFresh } from '../stale.js';
import { applyPlan, preflight } from '../apply-runner.js';
import { resolveIds } from '../../executor/resolve.js';
import { EXIT_OK } from '../exit-codes.js';
import type { Geo } from '../../model/state.js';
import { ValidationError } from '../../errors.js';

const EXAMPLES = `
Examples:
  $ konsync plan -s konnect/ --out plan.json && konsync apply plan.json
  $ konsync apply plan.json --wait-timeout 45m        # networks take a while to provision
  $ konsync apply plan.json --no-wait                 # return once Konnect accepted every request
  $ konsync apply plan.json --allow-destructive       # the plan replaces a network: allow it

apply refuses a plan when anything it touches changed in Konnect since it was planned (make a new plan), and
refuses replacements or more than --max-deletes deletes (default 10) without --allow-destructive.
Exit codes: 0 everything applied (or nothing to do), 1 an error or a failed or skipped operation, 130 interrupted.`;

interface ApplyOptions extends KonnectOptions, ApplyFlags {
  output: OutputFormat;
  geo?: Geo;
}

/** `konsync apply plan.json`: applies a saved plan. */
export function register(program: Command): void {
  const command = program.command('apply').description('apply a plan file made by `konsync plan`').argument('<plan>', 'plan file (JSON)');
  addKonnectOptions(command);
  addGeoOption(command);
  addOutputOption(command);
  addApplyOptions(command);
  command.addHelpText('after', EXAMPLES).action(async (file: string, options: ApplyOptions) => {
    await runCommand(options.output, async (session) => {
      const plan = await readPlanFile(file);
      if (options.geo !== undefined && options.geo !== plan.geo) {
        throw new ValidationError([{ message: `--geo ${options.geo} differs from the plan's geo ${plan.geo}: the plan says where each of its requests goes; leave --geo out` }]);
      }
      preflight(plan, options, session.io.env);
      if (plan.operations.length === 0) {
        session.out(session.format === 'json' ? JSON.stringify({ summary: plan.summary, report: null }, null, 2) : 'The plan has no changes: nothing to apply.');
        return EXIT_OK;
      }
      // The plan says where every request goes: its geo, and each request's own for control planes elsewhere.
      const api = createClient({ ...options, geo: plan.geo }, session.io.env);
      // One resolver for the stale check and the run: each entity's id is looked up at most once.
      const resolver = resolveIds(plan, api);
      await assertFresh(plan, api, resolver);
      const { report, exitCode, notes } = await applyPlan(plan, api, options, session, resolver);
      if (session.format === 'json') session.out(JSON.stringify({ summary: plan.summary, report, ...(notes ? { dcgw: notes } : {}) }, null, 2));
      return exitCode;
    });
  });
}
