import { readFileSync } from 'node:fs';
import { KonsyncError } from '../errors.js';

/** The token could not be found or read. The message never contains the token. */
export class TokenError extends KonsyncError {
  override name = 'TokenError';
}

export interface TokenSource {
  /** --konnect-token-file: wins over the environment. */
  tokenFile?: string;
  env: Record<string, string | undefined>;
}

/**
 * Characters an HTTP header value cannot carry (or a token never has). fetch would refuse them with an error that
 * quotes the whole header, token included, so they are refused here first.
 */
const NOT_TOKEN = /[^\x21-\x7e]/;

/** Throws TokenError (never quoting the token) when it cannot go in an `Authorization` header. */
export function assertSendableToken(token: string, from: string): void {
  if (/\s/.test(token)) throw new TokenError(`${from} holds more than one line or word`);
  if (NOT_TOKEN.test(token)) throw new TokenError(`${from} holds characters a Konnect token cannot have (only printable ASCII)`);
}

/** The Konnect token from `--konnect-token-file`, else `KONNECT_TOKEN`. */
export function resolveToken(source: TokenSource): string {
  if (source.tokenFile !== undefined && source.tokenFile !== '') {
    let text: string;
    try {
      text = readFileSync(source.tokenFile, 'utf8');
    } catch (error) {
      const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unreadable';
      throw new TokenError(`cannot read the Konnect token file ${source.tokenFile} (${code})`);
    }
    const token = text.trim();
    if (token === '') throw new TokenError(`the Konnect token file ${source.tokenFile} is empty`);
    assertSendableToken(token, `the Konnect token file ${source.tokenFile}`);
    return token;
  }
  const token = source.env.KONNECT_TOKEN?.trim();
  if (!token) throw new TokenError('no Konnect token: set KONNECT_TOKEN or pass --konnect-token-file');
  assertSendableToken(token, 'KONNECT_TOKEN');
  return token;
}
