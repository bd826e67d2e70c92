import { Option, type Command } from 'commander';
import { ValidationError } from '../../errors.js';
import type { Entity } from '../../model/entity.js';
import { GEOS } from '../../model/state.js';
import { readLiveState } from '../../state/read/index.js';
import { collectEstate } from '../../dcgw/collect.js';
import { currentResolver } from '../../dcgw/dns-check.js';
import { estateProblems } from '../../dcgw/estate.js';
import { DEFAULT_HEALTHZ_URL, httpProbe } from '../../dcgw/health.js';
import { renderStatus, type StatusFormat } from '../../dcgw/render-status.js';
import { EXIT_CHANGES, EXIT_OK } from '../exit-codes.js';
import { addKonnectOptions, createClient } from '../konnect-options.js';
import { emptyDesiredState, type StateCommandOptions } from '../pipeline.js';
import { loadDesired } from '../state-files.js';
import { runCommand } from '../run-command.js';
import { addGeoOption, addOptionOnce, addStateOptions } from '../state-options.js';

const EXAMPLES = `
Examples:
  $ konsync status -s konnect/                  # the DCGW resources the files declare
  $ konsync status --all --output markdown      # every network, configuration, domain, add-on and group, in every geo
  $ konsync status -s konnect/ --check-dns      # also ask public DNS about each custom domain (CAA, CNAMEs)
  $ konsync status -s konnect/ --healthz-url 'http://127.0.0.1:8080/_dataplanes/{hostname}/___konnect/healthz'
                                                # probe the emulator's data planes instead of the real hostnames

Exit codes: 0 all ready and healthy, 2 something is not, 1 error.`;

interface StatusOptions extends StateCommandOptions {
  all?: boolean;
  health: boolean;
  healthzUrl?: string;
  checkDns?: boolean;
}

const ref = (e: Pick<Entity, 'kind' | 'key'>) => `${e.kind}:${e.key}`;

/** `konsync status`: networks, data plane groups, custom domains, add-ons and groups, ready or not. */
export function register(program: Command): void {
  const command = program.command('status').description('show the Dedicated Cloud Gateway estate: states, IAM roles, health, DNS, group conflicts; exit 2 when not all ready');
  addStateOptions(command);
  addGeoOption(command);
  addKonnectOptions(command);
  addOptionOnce(command, new Option('-o, --output <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'));
  command
    .option('--all', 'every DCGW resource of the organization in every geo, not only those the files declare')
    .option('--no-health', 'do not probe the data planes’ ___konnect/healthz')
    .option('--healthz-url <template>', `health URL, {hostname} filled in (env KONSYNC_HEALTHZ_URL; default ${DEFAULT_HEALTHZ_URL})`)
    .option('--check-dns', 'ask public DNS whether each custom domain’s CAA allows pki.goog and its CNAMEs point to Konnect')
    .addHelpText('after', EXAMPLES)
    .action(async (options: StatusOptions) => {
      await runCommand(options.output, async (session) => {
        if (!options.all && (options.state ?? []).length === 0) {
          throw new ValidationError([{ message: 'no state files given', hint: 'pass -s/--state PATH, or --all for the whole organization' }]);
        }
        // --all is the whole organization: control planes are listed in every geo (one listing each), else a
        // configuration or domain of a control plane in an unread geo could not be named. `--geo` stays the default.
        const desired = options.all ? { ...emptyDesiredState(options.geo ?? GEOS[0]), geos: [...GEOS] } : await loadDesired(options, session);
        const api = createClient({ ...options, geo: options.geo ?? desired.geo }, session.io.env);
        const live = await readLiveState(api, desired, options.all ? { everything: true, controlPlanes: [], schemaDefaults: false } : { schemaDefaults: false });
        const only = options.all ? undefined : new Set(desired.entities.map(ref));
        const template = options.healthzUrl ?? session.io.env.KONSYNC_HEALTHZ_URL ?? DEFAULT_HEALTHZ_URL;
        const estate = await collectEstate(
          live,
          { api, defaultGeo: desired.geo, ...(options.health ? { probe: httpProbe(template) } : {}), ...(options.checkDns ? { resolver: currentResolver() } : {}) },
          only,
        );
        session.out(renderStatus(estate, options.output as StatusFormat));
        return estateProblems(estate).length === 0 ? EXIT_OK : EXIT_CHANGES;
      });
    });
}
