import { readFileSync } from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { KonnectClient } from '../konnect/client.js';
import { ValidationError } from '../errors.js';
import { createMasker } from '../render/mask.js';
import { parseDuration } from './duration.js';
import { io } from './output.js';
import { secretsOf } from './run-command.js';
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
  /** --ca-cert: PEM file of extra CA certificates (a TLS-inspecting proxy's). */
  caCert?: string;
  /** --timeout, milliseconds per request attempt. */
  timeout?: number;
  /** --verbose: every request, retry and rate-limit wait on stderr (also KONSYNC_LOG=debug). */
  verbose?: boolean;
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
  addOptionOnce(command, new Option('--ca-cert <file>', 'PEM file of extra CA certificates to trust (e.g. a TLS-inspecting proxy\'s)'));
  addOptionOnce(command, new Option('--timeout <duration>', 'longest wait for one request\'s answer, e.g. 30s, 2m (default 30s)').argParser(parseDuration));
  addOptionOnce(command, new Option('--verbose', 'log every request, retry and rate-limit wait to stderr (also KONSYNC_LOG=debug)'));
  addOptionOnce(command, new Option('--konnect-token <token>', 'the Konnect token itself (decK\'s flag; prefer --konnect-token-file or KONNECT_TOKEN: a command line is visible to other processes)'));
  addOptionOnce(command, new Option('--parallelism <n>', 'decK\'s name for --concurrency: most requests in flight at once').argParser(wholeNumber(1)));
  return command;
}

/** --konnect-addr / KONNECT_ADDR must be a URL: `127.0.0.1:8787` would otherwise fail later with a puzzling error. */
function checkAddr(addr: string, source: string): string {
  if (/^https?:\/\//i.test(addr)) return addr;
  throw new ValidationError([
    { message: `${source} ${JSON.stringify(addr)} is not an http(s) URL`, hint: `write the scheme: ${source === 'KONNECT_ADDR' ? 'KONNECT_ADDR=' : '--konnect-addr '}http://${addr.includes('://') ? addr.slice(addr.indexOf('://') + 3) : addr}` },
  ]);
}

/** The extra CA certificates of --ca-cert, checked to be PEM before anything is sent. */
function readCaCert(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unreadable';
    throw new ValidationError([{ file, message: `--ca-cert: cannot read the file (${code})` }]);
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) {
    throw new ValidationError([{ file, message: '--ca-cert: no PEM certificate in the file', hint: 'expected -----BEGIN CERTIFICATE----- blocks' }]);
  }
  return text;
}

/** --verbose or KONSYNC_LOG=debug: a stderr logger that masks the token and DECK_ values like all other output. */
function debugLog(options: KonnectOptions, env: Record<string, string | undefined>): ((line: string) => void) | undefined {
  if (options.verbose !== true && env.KONSYNC_LOG?.toLowerCase() !== 'debug') return undefined;
  const mask = createMasker(secretsOf(env));
  return (line) => io().stderr(mask(`konsync: ${line}\n`));
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
  const fromEnv = env.KONNECT_ADDR !== undefined && env.KONNECT_ADDR !== '' ? env.KONNECT_ADDR : undefined;
  const addr = options.konnectAddr !== undefined ? checkAddr(options.konnectAddr, '--konnect-addr') : fromEnv !== undefined ? checkAddr(fromEnv, 'KONNECT_ADDR') : undefined;
  const log = debugLog(options, env);
  return new KonnectClient({
    ...extra,
    token,
    network: { env, ...(options.caCert !== undefined ? { ca: readCaCert(options.caCert) } : {}) },
    ...(log ? { log } : {}),
    ...(options.timeout !== undefined ? { timeoutMs: options.timeout } : {}),
    geo: options.geo ?? 'us',
    ...(addr !== undefined ? { addr } : {}),
    ...(options.rateLimit !== undefined ? { ratePerMinute: options.rateLimit } : {}),
    ...(concurrency !== undefined ? { concurrency } : {}),
  });
}
