import { Option, type Command } from 'commander';
import { addOptionOnce } from './state-options.js';

/** decK flags that have no meaning on Konnect or in konsync, with what to use instead. */
const REFUSED: Array<{ flags: string; why: string }> = [
  { flags: '--workspace <name>', why: 'Konnect has no workspaces; a control plane stands for one: use --konnect-control-plane-name or _konnect.control_plane_name' },
  { flags: '--all-workspaces', why: 'Konnect has no workspaces: dump every control plane (the default) or name them with --control-plane' },
  { flags: '--kong-addr <url>', why: 'konsync talks to Konnect only: use --konnect-addr' },
  { flags: '--no-mask-deck-env-vars-value', why: 'konsync always masks DECK_ values; read them from your environment instead' },
  { flags: '--db-update-propagation-delay <n>', why: 'Konnect is not a Kong database: konsync waits for what Konnect reports instead (readiness)' },
  { flags: '--skip-consumers-with-consumer-groups', why: 'not supported: use --skip-consumers, or --select-tag to split the files' },
];

/**
 * decK's spellings on sync, diff, plan, dump and validate: `--json-output` (= `--output json`), `--non-zero-exit-code`
 * (diff: konsync's diff always exits 2 on drift) and the flags konsync refuses, each refused with what to use instead.
 */
export function addDeckFlags(command: Command, options: { nonZeroExitCode?: boolean } = {}): Command {
  addOptionOnce(command, new Option('--json-output', 'decK\'s name for --output json'));
  if (options.nonZeroExitCode) addOptionOnce(command, new Option('--non-zero-exit-code', 'decK\'s flag: accepted, konsync\'s diff always exits 2 on drift (0 none, 1 error)'));
  const refused = REFUSED.map(({ flags, why }) => ({ option: new Option(flags).hideHelp(), why }));
  for (const { option } of refused) addOptionOnce(command, option);
  command.hook('preAction', (self) => {
    const values = self.opts();
    for (const { option, why } of refused) {
      const value = values[option.attributeName()];
      // A `--no-x` flag is set when its value is false.
      const given = option.negate ? value === false : value !== undefined;
      if (given) self.error(`error: ${option.long} is refused: ${why}`, { exitCode: 1, code: 'konsync.deckFlag' });
    }
    if (values.jsonOutput === true) self.setOptionValue('output', 'json');
  });
  return command;
}
