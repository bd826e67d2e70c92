import type { Command } from 'commander';

const TOUR = `
Examples:
  $ konsync demo                                   # everything below against a local emulator, no account needed
  $ konsync validate -s konnect/                   # offline: schema, references, Konnect rules (file:line:column)
  $ konsync diff -s konnect/                       # exit 2 when Konnect differs from the files
  $ konsync plan -s konnect/ --out plan.json       # save the plan for review
  $ konsync show plan.json --output markdown       # render a saved plan (the PR comment), offline
  $ konsync apply plan.json                        # apply exactly that plan; waits for readiness
  $ konsync sync -s konnect/ --yes                 # plan + apply in one step
  $ konsync dump --out konnect/                    # live Konnect → state files
  $ konsync status -s konnect/                     # DCGW states, IAM roles, health, DNS records; exit 2 if not ready

Environment: KONNECT_TOKEN (or --konnect-token-file), KONNECT_ADDR (e.g. the emulator), DECK_* (values for
\${{ env "DECK_..." }}, masked in all output), HTTPS_PROXY/HTTP_PROXY/NO_PROXY, KONSYNC_LOG=debug (as --verbose),
NO_COLOR / FORCE_COLOR (or --no-color). Shell completion: konsync completion bash|zsh|fish.
Exit codes: 0 success / no changes, 2 changes or drift found, 1 error. JSON output is printed whatever the exit code.`;

/** The root command's help ends with a tour of the commands. */
export function addRootHelp(program: Command): void {
  program.addHelpText('after', TOUR);
}
