/** Classifies thrown transport errors: which are worth a retry, and which may have reached the server. */

/** The per-attempt timeout fired. */
export class RequestTimeoutError extends Error {
  override name = 'TimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
  }
}

/** Nothing reached the server: safe to re-send anything. */
const NOT_SENT = new Set(['ECONNREFUSED', 'UND_ERR_CONNECT_TIMEOUT', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);
/** The connection broke after the request may have been sent. */
const MAYBE_SENT = new Set([
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);
const MAYBE_SENT_MESSAGES = [/socket hang up/i, /other side closed/i, /terminated/i];

export interface ConnectionFailure {
  /** Short code for messages: `ECONNRESET`, `timeout`... */
  code: string;
  /** The request may have been received and applied. */
  maybeSent: boolean;
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** A retryable connection-level failure, or undefined for anything else (a bug, an abort by the caller). */
export function classifyConnectionError(error: unknown): ConnectionFailure | undefined {
  if (error instanceof RequestTimeoutError) return { code: 'timeout', maybeSent: true };
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    const code = codeOf(current);
    if (code && NOT_SENT.has(code)) return { code, maybeSent: false };
    if (code && MAYBE_SENT.has(code)) return { code, maybeSent: true };
    if (current instanceof Error && MAYBE_SENT_MESSAGES.some((re) => re.test(current instanceof Error ? current.message : ''))) {
      return { code: code ?? 'ECONNRESET', maybeSent: true };
    }
    if (current instanceof AggregateError && current.errors.length > 0) current = current.errors[0];
    else current = current instanceof Error ? current.cause : undefined;
  }
  return undefined;
}
