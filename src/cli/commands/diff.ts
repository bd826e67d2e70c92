import type { Command } from 'commander';
import { addDeckFlags } from '../deck-flags.js';
import { addKonnectOptions } from '../konnect-options.js';
import { addOutputOption, addStateOptions, REVIEW_FORMATS } from '../state-options.js';
import { runCommand } from '../run-command.js';
import { hasChanges, planFromFiles, type StateCommandOptions } from '../pipeline.js';
import { renderPlan } from '../plan-output.js';
import { EXIT_CHANGES, EXIT_OK } from '../exit-codes.js';
import { checkDomains, declaredDomains, dnsWarnings, renderDomainRecords } from '../../dcgw/domain-dns.js';
import { currentResolver } from '../../dcgw/dns-check.js';
import { timedPhaseSync } from '../phases.js';

const EXAMPLES = `
Examples:
  $ konsync diff -s konnect/                          # what a sync would change; exit 2 when it would change something
  $ konsync diff -s konnect/ --output json            # JSON, printed whatever the exit code
  $ konsync diff -s konnect/ --output markdown > plan.md   # a pull-request comment body
  $ konsync diff -s konnect/ --output github          # GitHub Actions annotations
  $ konsync diff -s team-a.yaml --select-tag team-a   # only entities tagged team-a
  $ konsync diff -s konnect/ --check-dns              # also check custom domains' CAA and CNAME records in public DNS

Exit codes: 0 no changes, 2 changes (drift) found, 1 error.`;

/** `konsync diff`: files vs live state. */
export function register(program: Command): void {
  const command = program.command('diff').description('show what a sync would change (files vs live Konnect); exit 2 on drift');
  addStateOptions(command);
  addDeckFlags(command, { nonZeroExitCode: true });
  addKonnectOptions(command);
  addOutputOption(command, REVIEW_FORMATS);
  command.option('--check-dns', 'ask public DNS whether each custom domain’s CAA allows pki.goog and its CNAMEs point to Konnect (warnings)');
  command.addHelpText('after', EXAMPLES).action(async (options: StateCommandOptions & { checkDns?: boolean }) => {
    await runCommand(options.output, async (session) => {
      const { plan, desired, live } = await planFromFiles(options, session);
      const declared = declaredDomains(desired, live);
      const domains = options.checkDns ? await checkDomains(declared, currentResolver()) : declared;
      const warnings = dnsWarnings(domains);
      const rendered = timedPhaseSync('render', () => renderPlan(plan, session, desired));
      if (session.format === 'json') {
        // The plan, plus what the user must set up in DNS for the custom domains the files declare.
        session.out(domains.length === 0 ? rendered : JSON.stringify({ ...(JSON.parse(rendered) as object), dcgw: { customDomains: domains, warnings } }, null, 2));
      } else {
        session.out(rendered);
        const records = renderDomainRecords(domains);
        if (records !== '' && session.format !== 'github') session.out(records);
        for (const warning of warnings) session.err(session.format === 'github' ? `::warning title=konsync::${warning}` : session.colors.yellow(`warning: ${warning}`));
      }
      return hasChanges(plan) ? EXIT_CHANGES : EXIT_OK;
    });
  });
}
