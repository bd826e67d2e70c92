import type * as Undici from 'undici';
import type { Dispatcher } from 'undici';
import { hostPort, errorCode, NetworkError } from './network-error.js';
import { lazyPackage } from '../lazy-package.js';

/** undici is about 95 modules: loaded by the first request, not by every command that never makes one (validate). */
const undici = lazyPackage<typeof Undici>('undici');

/** One HTTP exchange, below retries and rate limits. Tests swap in fakes. */
export interface TransportRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface TransportResponse {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: string;
}

export type Transport = (request: TransportRequest, signal: AbortSignal) => Promise<TransportResponse>;

export interface NetworkOptions {
  /** Where HTTPS_PROXY / HTTP_PROXY / NO_PROXY (or their lower-case forms) are read. @default process.env */
  env?: Record<string, string | undefined>;
  /** Extra CA certificates (PEM) trusted for Konnect and for the proxy, added to Node's own. */
  ca?: string | string[];
}

const variable = (env: Record<string, string | undefined>, name: string): string | undefined => {
  const value = env[name.toLowerCase()] ?? env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
};

/** NO_PROXY as curl reads it: `*`, host names (a leading dot or not: the domain and its subdomains), `host:port`. */
function bypassed(url: string, env: Record<string, string | undefined>): boolean {
  const entries = (variable(env, 'NO_PROXY') ?? '').split(/[\s,]+/).filter(Boolean);
  const { hostname, port } = new URL(url);
  return entries.some((entry) => {
    if (entry === '*') return true;
    const [host = '', entryPort] = entry.replace(/^\*?\./, '').split(':');
    return (entryPort === undefined || entryPort === port) && (hostname === host || hostname.endsWith(`.${host}`));
  });
}

/** The proxy a request to `url` goes through, for messages only (undici decides). */
function proxyFor(url: string, env: Record<string, string | undefined>): string | undefined {
  if (bypassed(url, env)) return undefined;
  const https = url.startsWith('https:');
  const proxy = https ? (variable(env, 'HTTPS_PROXY') ?? variable(env, 'HTTP_PROXY')) : variable(env, 'HTTP_PROXY');
  return proxy === undefined ? undefined : hostPort(proxy);
}

/** undici's EnvHttpProxyAgent is marked experimental and says so on stderr; the CLI's stderr is for konsync. */
function quietly<T>(make: () => T): T {
  const emit = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const code = typeof rest[0] === 'object' && rest[0] !== null ? (rest[0] as { code?: string }).code : undefined;
    if (code === 'UNDICI-EHPA') return;
    (emit as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return make();
  } finally {
    process.emitWarning = emit;
  }
}

/**
 * The dispatcher for every Konnect request: undici's EnvHttpProxyAgent (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, read from
 * `env`, not from whatever process.env holds) when a proxy is set, else a plain Agent; `ca` trusted on both legs.
 */
export function createDispatcher(options: NetworkOptions = {}): Dispatcher {
  const env = options.env ?? process.env;
  const tls = options.ca !== undefined ? { ca: options.ca } : undefined;
  const agentOptions = tls ? { connect: tls } : {};
  const httpProxy = variable(env, 'HTTP_PROXY');
  const httpsProxy = variable(env, 'HTTPS_PROXY');
  const { Agent, EnvHttpProxyAgent } = undici();
  if (httpProxy === undefined && httpsProxy === undefined) return new Agent(agentOptions);
  return quietly(
    () =>
      new EnvHttpProxyAgent({
        ...agentOptions,
        ...(tls ? { requestTls: tls, proxyTls: tls } : {}),
        httpProxy: httpProxy ?? '',
        httpsProxy: httpsProxy ?? httpProxy ?? '',
        noProxy: variable(env, 'NO_PROXY') ?? '',
      }),
  );
}

/**
 * fetch through `createDispatcher(options)`. The whole body is read inside the call, so the timeout covers it. A
 * request that gets no answer throws NetworkError naming host, port, proxy and cause.
 */
export function createFetchTransport(options: NetworkOptions = {}): Transport {
  const env = options.env ?? process.env;
  let dispatcher: Dispatcher | undefined;
  return async (request, signal) => {
    dispatcher ??= createDispatcher(options);
    let response: Awaited<ReturnType<typeof Undici.fetch>>;
    let body: string;
    try {
      response = await undici().fetch(request.url, {
        method: request.method,
        headers: request.headers,
        signal,
        dispatcher,
        ...(request.body !== undefined ? { body: request.body } : {}),
      });
      body = await response.text();
    } catch (error) {
      if (signal.aborted) throw error;
      const { code, message } = errorCode(error);
      const proxy = proxyFor(request.url, env);
      throw new NetworkError(hostPort(request.url), code, message ?? (error instanceof Error ? error.message : String(error)), {
        cause: error,
        ...(proxy !== undefined ? { proxy } : {}),
      });
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    return { status: response.status, headers, body };
  };
}

/** The default transport: direct, or through the proxy the process environment names. */
export const fetchTransport: Transport = (request, signal) => defaultTransport()(request, signal);

let shared: Transport | undefined;
function defaultTransport(): Transport {
  shared ??= createFetchTransport();
  return shared;
}
