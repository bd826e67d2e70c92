import { createMasker } from '../render/mask.js';
import { deckEnv, type EnvUse } from '../model/state.js';
import { EXIT_ERROR } from './exit-codes.js';
import { colors, io, type CliIO, type Colors } from './output.js';
import type { OutputFormat } from './state-options.js';
import { renderError } from './errors-output.js';

/** What a command's body gets: where to write, in which format, with DECK_ values masked. */
export interface Session {
  io: CliIO;
  format: OutputFormat;
  colors: Colors;
  /** Masks every DECK_ value (decK does the same): apply to everything printed. */
  mask(text: string): string;
  /** stdout, masked. */
  out(text: string): void;
  /** stderr, masked. */
  err(text: string): void;
}

/** What output masks: the DECK_ values and, belt and braces, the Konnect token. */
export function secretsOf(env: Record<string, string | undefined>): EnvUse[] {
  const token = env.KONNECT_TOKEN;
  return token ? [...deckEnv(env), { name: 'KONNECT_TOKEN', value: token }] : deckEnv(env);
}

export function createSession(format: OutputFormat, target: CliIO = io()): Session {
  const mask = createMasker(secretsOf(target.env));
  const line = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);
  return {
    io: target,
    format,
    colors: colors(target),
    mask,
    out: (text) => target.stdout(mask(line(text))),
    err: (text) => target.stderr(mask(line(text))),
  };
}

/**
 * Runs a command body and turns its result into an exit code: the body returns 0 or 2, a thrown error becomes 1 with
 * the error printed in the command's format (JSON on stdout in JSON mode, whatever the exit code).
 */
export async function runCommand(format: OutputFormat, body: (session: Session) => Promise<number>): Promise<void> {
  const session = createSession(format);
  try {
    session.io.setExitCode(await body(session));
  } catch (error) {
    const rendered = renderError(error, format, session.colors);
    if (rendered.stdout) session.io.stdout(session.mask(rendered.stdout));
    if (rendered.stderr) session.io.stderr(session.mask(rendered.stderr));
    session.io.setExitCode(EXIT_ERROR);
  }
}
