import { InvalidArgumentError, Option, type Command } from 'commander';
import { KonnectClient } from '../konnect/client.js';
import { assertSendableToken, resolveToken, TokenError } from '../konnect/token.js';
import type { Geo } from '../model/state.js';
import type { SchedulerOptions } from '../konnect/policy.js';
import { addOptionOnce } from './state-options.js';
import { wholeNumber } from './whole-number.js';

/** The Konnect connection options every command that talks to Konnect shares, as commander parses them. */
export interface KonnectOptions {
  /** --konnect-addr: one base for every API (the emulator); else KONNECT_ADDR; else the real Konnect hosts. */
  konnectAddr?: string;
  /** --konnect-token-file: else KONNECT_TOKEN. */
  konnectTokenFile?: string;
  /** --konnect-token (decK's flag): the token itself; never printed. */
  konnectToken?: string;
  /** --rate-limit, requests per minute. */
  rateLimit?: number;
  /** --concurrency. */
  concurrency?: number;
  /** --parallelism (decK's flag): the scheduler's concurrency. */
  parallelism?: number;
  geo?: Geo;
}

/** `3000`, `3000/min`, `50/s` → requests per minute. */
export function parseRateLimit(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:\/\s*(min|m|minute|s|sec|second))?\s*$/i.exec(value);
  if (!match) throw new InvalidArgumentError('expected requests per minute, e.g. 3000/min or 50/s');
  const amount = Number(match[1]);
  const perSecond = match[2] !== undefined && /^s/i.test(match[2]);
  const perMinute = perSecond ? amount * 60 : amount;
  if (!(perMinute > 0)) throw new InvalidArgumentError('the rate limit must be above 0');
  return perMinute;
}

/** `--konnect-addr`, `--konnect-token-file`, `--rate-limit N/min`, `--concurrency N`. */
export function addKonnectOptions(command: Command): Command {
  addOptionOnce(command, new Option('--konnect-addr <url>', 'one base URL for every Konnect API, e.g. the emulator (env KONNECT_ADDR)'));
  addOptionOnce(command, new Option('--konnect-token-file <path>', 'file holding the Konnect token (else env KONNECT_TOKEN)'));
  addOptionOnce(command, new Option('--rate-limit <n/min>', 'most requests per minute, e.g. 3000/min or 50/s (default 3000/min)').argParser(parseRateLimit));
  addOptionOnce(command, new Option('--concurrency <n>', 'most requests in flight at once (default 4)').argParser(wholeNumber(1)));
  addOptionOnce(command, new Option('--konnect-token <token>', 'the Konnect token itself (decK\'s flag; prefer --konnect-token-file or KONNECT_TOKEN: a command line is visible to other processes)'));
  addOptionOnce(command, new Option('--parallelism <n>', 'decK\'s name for --concurrency: most requests in flight at once').argParser(wholeNumber(1)));
  return command;
}

/** --konnect-token-file, else --konnect-token, else KONNECT_TOKEN. */
function tokenOf(options: KonnectOptions, env: Record<string, string | undefined>): string {
  if (options.konnectTokenFile === undefined && options.konnectToken !== undefined) {
    const token = options.konnectToken.trim();
    if (token === '') throw new TokenError('--konnect-token is empty');
    assertSendableToken(token, '--konnect-token');
    return token;
  }
  return resolveToken({ ...(options.konnectTokenFile ? { tokenFile: options.konnectTokenFile } : {}), env });
}

/**
 * A KonnectClient from parsed options and the environment (KONNECT_ADDR, KONNECT_TOKEN). Throws TokenError without a
 * token. `extra` passes scheduler settings (tests, benchmarks).
 */
export function createClient(
  options: KonnectOptions,
  env: Record<string, string | undefined> = process.env,
  extra: SchedulerOptions = {},
): KonnectClient {
  const token = tokenOf(options, env);
  const concurrency = options.concurrency ?? options.parallelism;
  const addr = options.konnectAddr ?? (env.KONNECT_ADDR !== undefined && env.KONNECT_ADDR !== '' ? env.KONNECT_ADDR : undefined);
  return new KonnectClient({
    ...extra,
    token,
    geo: options.geo ?? 'us',
    ...(addr !== undefined ? { addr } : {}),
    ...(options.rateLimit !== undefined ? { ratePerMinute: options.rateLimit } : {}),
    ...(concurrency !== undefined ? { concurrency } : {}),
  });
}
