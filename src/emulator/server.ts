import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { EmuRequest, EmuResponse } from './types.js';
import type { RequestLogEntry } from './index.js';
import { dispatch, type Dispatcher } from './dispatch.js';
import { internalError, problem } from './problem.js';
import { RATE_LIMIT_BODY, type RateLimiter } from './rate-limit.js';
import type { FaultInjector } from './faults.js';
import { observeExchange, type Exchange } from './observer.js';
import { dataPlaneResponse } from './healthz.js';
import { splitApiPath } from './geos.js';

export interface ServerParts {
  dispatcher: Dispatcher;
  limiter: RateLimiter;
  faults?: FaultInjector;
  log: RequestLogEntry[];
}

/** Largest request body read (Kong's admin default, `nginx_admin_client_max_body_size = 10m`). A bigger one is drained unread and gets a 413. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** The body as text, or undefined when it exceeds `MAX_BODY_BYTES`. */
function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size <= MAX_BODY_BYTES ? Buffer.concat(chunks).toString('utf8') : undefined));
    request.on('error', reject);
    // A client that goes away mid-body (or stop()) ends the wait; after 'end' this changes nothing.
    request.on('close', () => reject(new Error('request closed before its body was read')));
  });
}

const apiPath = (pathname: string): string => splitApiPath(pathname)?.path ?? pathname;
/** Konnect's API paths: `/v2/...` and a geo's `/<geo>/v2/...`. */
const isApi = (pathname: string): boolean => splitApiPath(pathname) !== undefined;

function rateLimitKey(request: IncomingMessage): string {
  const header = request.headers.authorization;
  return typeof header === 'string' && header !== '' ? header : `ip:${request.socket.remoteAddress ?? ''}`;
}

const tooMany = (headers: Record<string, string>): EmuResponse => ({
  status: 429,
  headers: { ...headers, 'content-type': 'application/json; charset=utf-8' },
  body: RATE_LIMIT_BODY,
});

interface Outgoing {
  status: number;
  headers: Record<string, string>;
  payload: string;
}

/**
 * Serialises the answer when it is decided: handlers may return stored objects, and a later request must not change
 * what an earlier one answers while a latency fault holds it.
 */
function serialise(result: EmuResponse, extraHeaders: Record<string, string>): Outgoing {
  const headers: Record<string, string> = { ...extraHeaders, ...(result.headers ?? {}) };
  let payload = '';
  if (result.status !== 204 && result.body !== undefined) {
    // A pre-serialised string is sent byte for byte (the 429 body must be exactly Konnect's).
    payload = typeof result.body === 'string' ? result.body : JSON.stringify(result.body);
    headers['content-type'] ??= 'application/json';
  }
  headers['content-length'] = String(Buffer.byteLength(payload));
  return { status: result.status, headers, payload };
}

function send(response: ServerResponse, outgoing: Outgoing): void {
  response.writeHead(outgoing.status, outgoing.headers);
  response.end(outgoing.payload);
}

/**
 * Konnect's v2 APIs read JSON only: a body declared as anything else (`text/plain`, a form) is refused, not parsed.
 * A body sent without any content type is still read as JSON: the specs say nothing of it, and refusing it would only
 * break hand-written clients.
 */
function jsonContentType(header: string | undefined): boolean {
  if (header === undefined || header.trim() === '') return true;
  const media = header.split(';')[0]!.trim().toLowerCase();
  return media === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(media);
}

async function toEmuRequest(request: IncomingMessage, url: URL): Promise<EmuRequest | EmuResponse> {
  const raw = await readBody(request);
  if (raw === undefined) return problem(413, 'Payload Too Large', `Request body exceeds ${MAX_BODY_BYTES} bytes`);
  const parsed: EmuRequest = { method: request.method ?? 'GET', path: apiPath(url.pathname), query: url.searchParams, body: undefined, headers: request.headers };
  const where = splitApiPath(url.pathname);
  if (where?.geoHost) {
    parsed.geo = where.geo;
    parsed.geoHost = true;
  }
  if (raw.trim() === '') return parsed;
  const type = request.headers['content-type'];
  if (!jsonContentType(type)) {
    parsed.unsupportedType = type ?? '';
    return parsed;
  }
  try {
    parsed.body = JSON.parse(raw);
  } catch {
    parsed.malformedBody = true;
  }
  return parsed;
}

/** The HTTP edge: rate limit, faults, then dispatch; logs every request. */
export function createEmulatorServer(parts: ServerParts): { server: Server; held: Set<Socket> } {
  const held = new Set<Socket>();
  const { dispatcher, limiter, faults, log } = parts;
  const unhealthy = new Set<string>();
  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      // Data plane endpoints are not Konnect's API: no limit, no faults, not logged nor checked against its specs.
      if (!isApi(url.pathname)) {
        dispatcher.lifecycles.settle(dispatcher.ctx);
        const answer = dataPlaneResponse(dispatcher.ctx, request.method ?? 'GET', url.pathname, unhealthy);
        if (answer) {
          request.resume();
          send(response, serialise(answer, {}));
          return;
        }
      }
      const entry: RequestLogEntry = { method: request.method ?? 'GET', path: url.pathname + url.search, status: 0, at: dispatcher.ctx.now() };
      log.push(entry);
      // Every request counts against the limit, even one whose connection is about to be reset.
      const key = rateLimitKey(request);
      const decision = faults?.next() ?? { latencyMs: 0 };
      const limit = decision.fault === 'exhaust' ? limiter.exhaust(key) : limiter.hit(key);
      if (decision.fault) entry.fault = decision.fault;
      // For the test observer only (a no-op without one): what was asked, what was answered, and whether a fault did it.
      const report = (status: number, responseBody: unknown, requestBody: unknown, fault: Exchange['fault']): void =>
        observeExchange(() => ({ method: entry.method, path: apiPath(url.pathname), requestBody, status, responseBody, ...(fault ? { fault } : {}) }));
      if (decision.fault === 'reset') {
        report(0, undefined, undefined, 'reset');
        request.socket.destroy();
        return;
      }
      let result: EmuResponse;
      let requestBody: unknown;
      if (!limit.allowed) result = tooMany(limit.headers);
      else if (decision.fault === '429') result = tooMany(limiter.transientHeaders(key, decision.retryAfter === true));
      else if (decision.fault === '500') result = internalError();
      else if (!isApi(url.pathname)) result = { status: 404, body: { message: 'no Route matched with those values' } };
      else {
        const emuRequest = await toEmuRequest(request, url);
        if ('status' in emuRequest) result = emuRequest;
        else {
          requestBody = emuRequest.body;
          result = await dispatch(dispatcher, emuRequest);
        }
      }
      report(result.status, result.status === 204 ? undefined : result.body, requestBody, limit.allowed || decision.fault === 'exhaust' ? decision.fault : 'rate-limit');
      if (decision.fault === 'timeout') {
        // The request took effect; the answer never leaves. The socket stays open until the client or stop() ends it.
        held.add(request.socket);
        request.socket.once('close', () => held.delete(request.socket));
        return;
      }
      entry.status = result.status;
      const outgoing = serialise(result, limit.allowed ? limit.headers : {});
      if (decision.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, decision.latencyMs));
      if (!response.destroyed) send(response, outgoing);
    })().catch((error: unknown) => {
      if (!response.headersSent && !response.destroyed) send(response, serialise(problem(500, 'Internal Server Error', String(error)), {}));
    });
  });
  return { server, held };
}
