import type { Command } from 'commander';
import { addOutputOption, REVIEW_FORMATS, type OutputFormat } from '../state-options.js';
import { runCommand } from '../run-command.js';
import { readPlanFile } from '../plan-file.js';
import { renderPlan } from '../plan-output.js';
import { hasChanges } from '../pipeline.js';
import { EXIT_CHANGES, EXIT_OK } from '../exit-codes.js';
import { deckEnv } from '../../model/state.js';

const EXAMPLES = `
Examples:
  $ konsync plan -s konnect/ --out plan.json
  $ konsync show plan.json --output markdown > comment.md   # the pull-request comment: the plan that gets applied
  $ konsync show plan.json --output github                  # annotations from the same plan

Reads no Konnect state and needs no token: the output is exactly what \`plan\` and \`diff\` printed for that plan.
Exit codes: 0 the plan has no changes, 2 it has changes, 1 error (unreadable or invalid plan file).`;

/** `konsync show plan.json`: renders a saved plan in any review format, offline. */
export function register(program: Command): void {
  const command = program.command('show').description('render a saved plan file (text, markdown, github, json) without contacting Konnect').argument('<plan>', 'plan file (JSON) made by `konsync plan --out`');
  addOutputOption(command, REVIEW_FORMATS);
  command.addHelpText('after', EXAMPLES).action(async (file: string, options: { output: OutputFormat }) => {
    await runCommand(options.output, async (session) => {
      const plan = await readPlanFile(file);
      // A plan file holds DECK_ references, not values; the environment's DECK_ values are masked all the same.
      session.out(renderPlan(plan, session, { env: deckEnv(session.io.env) }));
      return hasChanges(plan) ? EXIT_CHANGES : EXIT_OK;
    });
  });
}
