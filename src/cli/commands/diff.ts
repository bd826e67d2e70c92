import type { Command } from 'commander';
import { addKonnectOptions } from '../konnect-options.js';
import { addOutputOption, addStateOptions, REVIEW_FORMATS } from '../state-options.js';
import { runCommand } from '../run-command.js';
import { hasChanges, planFromFiles, type StateCommandOptions } from '../pipeline.js';
import { renderPlan } from '../plan-output.js';
import { EXIT_CHANGES, EXIT_OK } from '../exit-codes.js';

const EXAMPLES = `
Examples:
  $ konsync diff -s konnect/                          # what a sync would change; exit 2 when it would change something
  $ konsync diff -s konnect/ --output json            # JSON, printed whatever the exit code
  $ konsync diff -s konnect/ --output markdown > plan.md   # a pull-request comment body
  $ konsync diff -s konnect/ --output github          # GitHub Actions annotations
  $ konsync diff -s team-a.yaml --select-tag team-a   # only entities tagged team-a

Exit codes: 0 no changes, 2 changes (drift) found, 1 error.`;

/** `konsync diff`: files vs live state. */
export function register(program: Command): void {
  const command = program.command('diff').description('show what a sync would change (files vs live Konnect); exit 2 on drift');
  addStateOptions(command);
  addKonnectOptions(command);
  addOutputOption(command, REVIEW_FORMATS);
  command.addHelpText('after', EXAMPLES).action(async (options: StateCommandOptions) => {
    await runCommand(options.output, async (session) => {
      const { plan, desired } = await planFromFiles(options, session);
      session.out(renderPlan(plan, session, desired));
      return hasChanges(plan) ? EXIT_CHANGES : EXIT_OK;
    });
  });
}
