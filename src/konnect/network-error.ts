import { KonsyncError } from '../errors.js';

/** What people read for the codes Node and undici give: the cause in words, and what to do where it is known. */
const CAUSES: Record<string, string> = {
  ECONNREFUSED: 'connection refused: nothing listens there',
  ENOTFOUND: 'host not found (DNS)',
  EAI_AGAIN: 'DNS lookup failed, try again',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'connection timed out',
  ENETUNREACH: 'network unreachable',
  EHOSTUNREACH: 'host unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed by the other side',
};

const CERTIFICATE_CODES = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS/;

/** The first `code` on an error or its causes (fetch wraps the socket error as `cause`). */
export function errorCode(error: unknown): { code?: string; message?: string } {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return { code, message: current instanceof Error ? current.message : undefined };
    current = current instanceof AggregateError && current.errors.length > 0 ? current.errors[0] : (current as { cause?: unknown }).cause;
  }
  return {};
}

/** `https://user:pw@proxy:3128` → `proxy:3128`: a proxy is named in messages, its credentials never. */
export function hostPort(url: string): string {
  try {
    const parsed = new URL(url);
    const port = parsed.port !== '' ? parsed.port : parsed.protocol === 'https:' ? '443' : '80';
    return `${parsed.hostname}:${port}`;
  } catch {
    return '(invalid URL)';
  }
}

/**
 * A request that got no HTTP answer, named by host, port and cause: `cannot reach eu.api.konghq.com:443: host not
 * found (DNS) (ENOTFOUND)`. Keeps the original `code` so the scheduler classifies it as before (retry or not).
 */
export class NetworkError extends KonsyncError {
  override name = 'NetworkError';
  readonly code: string;
  constructor(
    readonly target: string,
    code: string | undefined,
    detail: string,
    options: { cause: unknown; proxy?: string },
  ) {
    const known = code !== undefined ? CAUSES[code] : undefined;
    const certificate = code !== undefined && CERTIFICATE_CODES.test(code);
    const cause = certificate ? `certificate not trusted: ${detail}` : (known ?? detail);
    const via = options.proxy !== undefined ? ` through the proxy ${options.proxy}` : '';
    const hint = certificate ? '; if a proxy or your company re-signs TLS, pass its CA with --ca-cert FILE' : '';
    super(`cannot reach ${target}${via}: ${cause}${code !== undefined ? ` (${code})` : ''}${hint}`, { cause: options.cause });
    this.code = code ?? 'ENETWORK';
  }
}
