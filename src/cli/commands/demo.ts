import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import type { RunningEmulator } from '../../emulator/index.js';
import { findFixtures, outOfBandChange } from '../demo-steps.js';
import { runInProcess } from '../in-process.js';
import { parseDuration } from '../duration.js';
import { io } from '../output.js';
import { addRootHelp } from '../root-help.js';
import { EXIT_CHANGES, EXIT_ERROR, EXIT_OK } from '../exit-codes.js';

/** The value the demo gives the fixture's secret when the environment has none. */
const DEMO_SECRET = 'demo-shared-secret-not-for-production';

const EXAMPLES = `
Examples:
  $ npm start                      # the same as: konsync demo
  $ konsync demo --provision 10s   # slower, closer to real provisioning (real Konnect: ~15-40 minutes)

No Konnect account needed: the demo runs konsync's emulator on a free local port with a temporary data file.`;

interface DemoOptions {
  provision: number;
  fixtures?: string[];
}

/** `konsync demo`: emulator + sync fixtures/ + out-of-band change + diff showing drift. */
export function register(program: Command): void {
  // The demo is the tour's first stop, so it also adds the tour to `konsync --help`.
  addRootHelp(program);
  program
    .command('demo')
    .description('run konsync end to end against a local Konnect emulator (no account needed)')
    .addOption(new Option('--provision <duration>', 'how long the emulator\'s async resources take to become ready').argParser(parseDuration).default(1500, '1.5s'))
    .option('--fixtures <path...>', 'state files or directories to sync (default: the example state in konsync\'s fixtures/)')
    .addHelpText('after', EXAMPLES)
    .action(async (options: DemoOptions) => {
      io().setExitCode(await runDemo(options));
    });
}

async function runDemo(options: DemoOptions): Promise<number> {
  const out = io();
  const say = (text: string) => out.stdout(`${text}\n`);
  const step = (n: number, text: string) => say(`\n━━ ${n}. ${text}\n`);
  const dir = await mkdtemp(join(tmpdir(), 'konsync-demo-'));
  const secretWasSet = out.env.DECK_PAYMENTS_SHARED_SECRET !== undefined;
  // The inner commands see the demo value; this process's environment is left alone.
  const inner = { ...out, env: { ...out.env, DECK_PAYMENTS_SHARED_SECRET: out.env.DECK_PAYMENTS_SHARED_SECRET ?? DEMO_SECRET } };
  let emulator: RunningEmulator | undefined;
  try {
    const fixtures = options.fixtures ?? findFixtures();
    const shown = fixtures.join(' ');
    // Loaded here, not at the top: every other command would pay for the server at startup.
    const { startEmulator } = await import('../../emulator/index.js');
    emulator = await startEmulator({ port: 0, dataFile: join(dir, 'konnect.json'), provisionMs: options.provision });
    const tokenFile = join(dir, 'token');
    await writeFile(tokenFile, `${emulator.token}\n`, { mode: 0o600 });
    const konnect = ['--konnect-addr', emulator.url, '--konnect-token-file', tokenFile];
    say(`konsync demo: a local Konnect emulator is listening on ${emulator.url} (async resources take ${options.provision} ms).`);
    say(`State: ${shown} (DECK_PAYMENTS_SHARED_SECRET=${secretWasSet ? 'from your environment' : 'a demo value'}; konsync masks it).`);

    step(1, `konsync sync -s ${shown} --yes   (plan, apply in dependency order, wait for readiness)`);
    const synced = await runInProcess(['sync', '-s', ...fixtures, ...konnect, '--yes'], inner);
    say(`exit code ${synced}`);
    if (synced !== EXIT_OK) return EXIT_ERROR;

    step(2, `konsync diff -s ${shown}   (right after the sync: nothing to do)`);
    const clean = await runInProcess(['diff', '-s', ...fixtures, ...konnect], inner);
    say(`exit code ${clean}${clean === EXIT_OK ? ': no drift' : ''}`);

    step(3, 'Someone changes Konnect by hand (an out-of-band change through the API)');
    say(await outOfBandChange(emulator));

    step(4, `konsync diff -s ${shown}   (the drift shows up)`);
    const drift = await runInProcess(['diff', '-s', ...fixtures, ...konnect], inner);
    say(drift === EXIT_CHANGES ? 'exit code 2: drift found' : `exit code ${drift}: expected 2 (drift)`);
    if (clean !== EXIT_OK || drift !== EXIT_CHANGES) return EXIT_ERROR;

    say('\nDone. In CI, `konsync diff` exits 2 on drift: see examples/ for a pre-merge workflow and a drift CronJob.');
    return EXIT_OK;
  } catch (error) {
    out.stderr(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_ERROR;
  } finally {
    await emulator?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
