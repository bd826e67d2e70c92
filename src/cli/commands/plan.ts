import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { addDeckFlags } from '../deck-flags.js';
import { addKonnectOptions } from '../konnect-options.js';
import { addOutputOption, addStateOptions } from '../state-options.js';
import { runCommand } from '../run-command.js';
import { addOnlineValidationOption } from '../online-validation.js';
import { hasChanges, planFromFiles, type StateCommandOptions } from '../pipeline.js';
import { renderPlan, renderPlanSaved } from '../plan-output.js';
import { serializePlan } from '../plan-file.js';
import { EXIT_CHANGES, EXIT_OK } from '../exit-codes.js';

const EXAMPLES = `
Examples:
  $ konsync plan -s konnect/ --out plan.json     # save the plan; review it, then:
  $ konsync apply plan.json                      # apply exactly that plan (refused if Konnect changed since)
  $ konsync plan -s konnect/ --out plan.json --output json

The plan file keeps DECK_ values as \${{ env "DECK_..." }} references, never their values: apply renders them from
its own environment. Exit codes: 0 no changes, 2 the plan has changes, 1 error.`;

interface PlanOptions extends StateCommandOptions {
  out: string;
}

/** `konsync plan --out plan.json`: saves the plan for a later `apply`. */
export function register(program: Command): void {
  const command = program.command('plan').description('compute the changes and save them as a plan file for `konsync apply`');
  addStateOptions(command);
  addDeckFlags(command);
  addKonnectOptions(command);
  addOutputOption(command);
  addOnlineValidationOption(command);
  command
    .requiredOption('--out <file>', 'where to write the plan (JSON)')
    .addHelpText('after', EXAMPLES)
    .action(async (options: PlanOptions) => {
      await runCommand(options.output, async (session) => {
        const { plan, desired } = await planFromFiles(options, session, true);
        await writeFile(options.out, serializePlan(plan));
        session.out(options.output === 'json' ? renderPlanSaved(plan, options.out, session) : `${renderPlan(plan, session, desired)}\n${renderPlanSaved(plan, options.out, session)}`);
        return hasChanges(plan) ? EXIT_CHANGES : EXIT_OK;
      });
    });
}
