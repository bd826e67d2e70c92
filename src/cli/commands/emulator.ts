import { InvalidArgumentError, type Command } from 'commander';
import type { EmulatorOptions } from '../../emulator/index.js';
import { DEFAULT_PROVISION_MS, DEFAULT_RATE_LIMIT, DEFAULT_TOKEN } from '../../emulator/defaults.js';
import { parseFaults } from '../../emulator/faults.js';
import { wholeNumber } from '../whole-number.js';

const EXAMPLES = `
Examples:
  $ konsync emulator                                  # random port, state in memory
  $ konsync emulator --port 8080 --data .konsync/emulator.json
  $ konsync emulator --rate-limit 100/min --faults 429=0.05,500=0.02,latency=20-80ms --seed 7

The emulator listens on 127.0.0.1 only and serves Konnect's /v2 APIs until Ctrl-C (state is saved on exit):
/v2 as the global and us hosts, /<geo>/v2 (eu, au, me, in, sg) as another geo's control planes.`;

interface EmulatorFlags {
  port: number;
  data?: string;
  token: string;
  rateLimit: number;
  retryAfter: boolean;
  rateLimitHeaders: boolean;
  provisionMs: number;
  faults?: string;
  seed?: number;
}

/** `3000/min` or `3000`. */
function rateLimit(value: string): number {
  const match = /^(\d+)(?:\/min)?$/.exec(value.trim());
  if (!match || Number(match[1]) < 1) throw new InvalidArgumentError('rate limit looks like 3000/min');
  return Number(match[1]);
}

function faults(value: string): string {
  try {
    parseFaults(value);
  } catch (error) {
    throw new InvalidArgumentError(error instanceof Error ? error.message : String(error));
  }
  return value;
}

async function run(flags: EmulatorFlags): Promise<void> {
  const options: EmulatorOptions = {
    port: flags.port,
    token: flags.token,
    rateLimitPerMinute: flags.rateLimit,
    omitRetryAfter: !flags.retryAfter,
    rateLimitHeaders: flags.rateLimitHeaders,
    provisionMs: flags.provisionMs,
  };
  if (flags.data !== undefined) options.dataFile = flags.data;
  if (flags.faults !== undefined) options.faults = flags.faults;
  if (flags.seed !== undefined) options.seed = flags.seed;
  // Loaded here, not at the top: every other command would pay for the server at startup.
  const { startEmulator } = await import('../../emulator/index.js');
  const emulator = await startEmulator(options);
  process.stdout.write(
    [
      `Konnect emulator listening on ${emulator.url} (APIs under /v2)${flags.data ? `, state in ${flags.data}` : ''}`,
      '',
      `  export KONNECT_ADDR=${emulator.url} KONNECT_TOKEN=${emulator.token}`,
      '',
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await emulator.stop();
  process.stdout.write(`Emulator stopped${flags.data ? `; state saved to ${flags.data}` : ''}.\n`);
}

/** `konsync emulator`: a local Konnect for tests, offline CI and a first run. */
export function register(program: Command): void {
  program
    .command('emulator')
    .description('run a local Konnect emulator (control planes, cloud gateways, core entities) on 127.0.0.1')
    .option('--port <n>', 'port to listen on (0 = random)', wholeNumber(0), 0)
    .option('--data <file>', 'JSON file the state is loaded from and saved to (atomically)')
    .option('--token <token>', 'bearer token to accept', DEFAULT_TOKEN)
    .option('--rate-limit <n/min>', 'requests per minute per token before 429', rateLimit, DEFAULT_RATE_LIMIT)
    .option('--no-retry-after', 'leave Retry-After out of 429 responses')
    .option('--no-rate-limit-headers', 'announce no limit: no ratelimit-*, x-ratelimit-* or retry-after headers at all')
    .option('--provision-ms <n>', 'time async resources spend initializing', wholeNumber(0), DEFAULT_PROVISION_MS)
    .option('--faults <spec>', 'inject faults, e.g. 429=0.05,exhaust=0.001,500=0.02,reset=0.01,timeout=0.005,latency=20-80ms (429: transient, the window has room; exhaust: the window runs out until its reset)', faults)
    .option('--seed <n>', 'seed for faults and ids (repeatable runs)', wholeNumber(0))
    .addHelpText('after', EXAMPLES)
    .action(async (flags: EmulatorFlags) => run(flags));
}
