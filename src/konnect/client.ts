import type { Json, JsonObject } from '../model/json.js';
import type { Geo } from '../model/state.js';
import type { ApiName, Pagination } from '../kinds/descriptor.js';
import type { ApiRequest, ApiResponse, ClientStats, KonnectApi, ListOptions } from './types.js';
import type { SchedulerOptions } from './policy.js';
import { Scheduler } from './scheduler.js';
import { createFetchTransport, fetchTransport, type NetworkOptions, type Transport, type TransportResponse } from './transport.js';
import { baseUrl } from './base-urls.js';
import { paginate } from './paginate.js';
import { ApiError } from './api-error.js';
import { apiErrorMessage, redact } from './error-message.js';
import { assertSendableToken } from './token.js';
import { konsyncVersion } from '../version.js';

export interface KonnectClientOptions extends SchedulerOptions {
  /** Bearer token. Never printed, never in an error. */
  token: string;
  /** Geo of regional API requests that name none (`ApiRequest.geo`). @default 'us' */
  geo?: Geo;
  /** The emulator: `${addr}/v2`, and `${addr}/<geo>/v2` for other geos than us (`baseUrl()`). @default undefined (the real Konnect hosts) */
  addr?: string;
  /** @default fetch through undici, honouring HTTPS_PROXY / HTTP_PROXY / NO_PROXY */
  transport?: Transport;
  /** Proxy environment and extra CA certificates for the default transport. */
  network?: NetworkOptions;
  /** Debug log, one line per request attempt, retry and rate-limit wait; never the token or a body. @default none */
  log?: (line: string) => void;
  /** Context for every error of this client: `control plane "x" in geo eu`. */
  describe?: string;
  /** Share one scheduler between clients (e.g. several geos). @default a new Scheduler(options) */
  scheduler?: Scheduler;
}

const USER_AGENT = `konsync/${konsyncVersion()}`;

function parseBody(text: string): Json {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text;
  }
}

/** The real Konnect client: every request, list pages and retries included, goes through one Scheduler. */
export class KonnectClient implements KonnectApi {
  readonly #token: string;
  readonly geo: Geo;
  readonly addr: string | undefined;
  readonly scheduler: Scheduler;
  private readonly transport: Transport;
  private readonly describe: string | undefined;
  private readonly log: ((line: string) => void) | undefined;
  private pages = 0;

  constructor(options: KonnectClientOptions) {
    assertSendableToken(options.token, 'the Konnect token');
    this.#token = options.token;
    this.geo = options.geo ?? 'us';
    this.addr = options.addr;
    this.transport = options.transport ?? (options.network ? createFetchTransport(options.network) : fetchTransport);
    this.describe = options.describe;
    this.log = options.log;
    this.scheduler = options.scheduler ?? new Scheduler({ ...(options.log ? { trace: options.log } : {}), ...options });
  }

  baseUrl(api: ApiName, geo: Geo = this.geo): string {
    return baseUrl(api, geo, this.addr);
  }

  async request<T = Json>(request: ApiRequest): Promise<ApiResponse<T>> {
    const url = new URL(this.baseUrl(request.api, request.geo) + request.path);
    for (const [name, value] of Object.entries(request.query ?? {})) url.searchParams.set(name, value);
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.#token}`,
      accept: 'application/json, application/problem+json',
      'user-agent': USER_AGENT,
    };
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const transport = this.transport;
    const job = {
      method: request.method,
      path: request.path,
      send: (signal: AbortSignal) => this.send(transport, { method: request.method, url: url.toString(), headers, ...(body !== undefined ? { body } : {}) }, signal),
      ...(request.recover ? { recover: request.recover } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
    };
    const result = await this.scheduler.run(job);
    if (result.kind === 'recovered') return result.response as ApiResponse<T>;
    return this.toResponse<T>(request, result.response, result.attempts);
  }

  /** One attempt, logged with its duration when a log is set (URL and status only: no header, no body). */
  private async send(transport: Transport, request: Parameters<Transport>[0], signal: AbortSignal): Promise<TransportResponse> {
    const log = this.log;
    if (!log) return transport(request, signal);
    const started = performance.now();
    const took = () => `${Math.round(performance.now() - started)} ms`;
    try {
      const response = await transport(request, signal);
      log(`${request.method} ${request.url} → ${response.status} in ${took()}`);
      return response;
    } catch (error) {
      const reason = signal.aborted ? 'aborted (timeout or interrupt)' : error instanceof Error ? error.message : String(error);
      log(`${request.method} ${request.url} → no answer after ${took()}: ${redact(reason, this.#token)}`);
      throw error;
    }
  }

  private toResponse<T>(request: ApiRequest, raw: TransportResponse, attempts: number): ApiResponse<T> {
    const parsed = parseBody(raw.body);
    const ok = (raw.status >= 200 && raw.status < 300) || (request.acceptStatuses ?? []).includes(raw.status);
    if (ok) return { status: raw.status, body: parsed as T, headers: raw.headers };
    const describe = request.describe ?? this.describe;
    const message = apiErrorMessage({
      status: raw.status,
      method: request.method,
      path: request.path,
      body: parsed,
      text: raw.body,
      attempts,
      ...(describe !== undefined ? { describe } : {}),
    });
    throw new ApiError(raw.status, request.method, request.path, redact(message, this.#token), parsed, attempts);
  }

  async list(api: ApiName, path: string, pagination: Pagination, options: ListOptions = {}): Promise<JsonObject[]> {
    const pageSize = options.pageSize ?? (pagination === 'offset' ? 1000 : 100);
    const fetchPage = async (pagePath: string, query: Record<string, string>) => {
      const response = await this.request({
        api,
        method: 'GET',
        path: pagePath,
        query,
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.describe ? { describe: options.describe } : {}),
        ...(options.geo ? { geo: options.geo } : {}),
      });
      this.pages++;
      return response.body;
    };
    return paginate(fetchPage, path, pagination, pageSize, options.query ?? {}, options.onPage);
  }

  stats(): ClientStats {
    const s = this.scheduler.stats();
    return { requests: s.requests, retries: s.retries, throttled: s.throttled, pages: this.pages };
  }

  /** Requests per minute the scheduler runs at now (lower than the ceiling after 429s). */
  get currentRatePerMinute(): number {
    return this.scheduler.currentRatePerMinute;
  }

  /** Keeps the token out of logs and JSON. */
  toJSON(): JsonObject {
    return { geo: this.geo, addr: this.addr ?? null };
  }
}
