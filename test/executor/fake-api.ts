import { isJsonObject, type Json, type JsonObject } from '../../src/model/json.js';
import type { ApiName, Pagination } from '../../src/kinds/descriptor.js';
import type { ApiRequest, ApiResponse, ClientStats, KonnectApi, ListOptions } from '../../src/konnect/types.js';
import { ApiError } from '../../src/konnect/api-error.js';
import type { Clock } from '../../src/konnect/clock.js';

export interface LoggedRequest {
  method: string;
  path: string;
  query?: Record<string, string>;
  body?: Json;
  startedAt: number;
  endedAt?: number;
}

export interface Fault {
  method: string;
  path: RegExp;
  status: number;
  message: string;
  /** How many times it fires. @default Infinity */
  times?: number;
}

/**
 * In-memory, deterministic KonnectApi. Collections are keyed by list path; POST appends `{id: 'id-N', ...body}`,
 * GET/PUT/PATCH/DELETE address `<list>/<id>`. Latency is slept on the injected clock; records order and concurrency.
 * `loseResponses` commits a POST and then loses its response, as a timed-out connection would: like the real client it
 * then calls `recover` and re-sends only if that finds nothing.
 */
export class FakeApi implements KonnectApi {
  readonly log: LoggedRequest[] = [];
  readonly collections = new Map<string, JsonObject[]>();
  readonly faults: Fault[] = [];
  /** GET responses for a path, in order; the last one repeats. */
  readonly scripted = new Map<string, JsonObject[]>();
  latency: (method: string, path: string) => number = () => 10;
  loseResponses = 0;
  recovered = 0;
  inFlight = 0;
  maxInFlight = 0;
  private nextId = 1;

  constructor(private readonly clock: Clock) {}

  seed(listPath: string, items: JsonObject[]): void {
    this.collections.set(listPath, [...(this.collections.get(listPath) ?? []), ...items]);
  }

  count(method: string, path: string | RegExp): number {
    return this.log.filter((entry) => entry.method === method && (typeof path === 'string' ? entry.path === path : path.test(entry.path))).length;
  }

  async request<T = Json>(request: ApiRequest): Promise<ApiResponse<T>> {
    const response = await this.send(request.method, request.path, request.body, request.query);
    if (response === 'lost') {
      this.recovered++;
      const found = request.recover ? await request.recover() : undefined;
      if (found) return found as ApiResponse<T>;
      const again = await this.send(request.method, request.path, request.body, request.query);
      if (again === 'lost') throw new Error('lost twice');
      return this.check(request, again) as ApiResponse<T>;
    }
    return this.check(request, response) as ApiResponse<T>;
  }

  async list(_api: ApiName, path: string, _pagination: Pagination, options: ListOptions = {}): Promise<JsonObject[]> {
    if (!this.collections.has(path) && !this.scripted.has(path)) this.collections.set(path, []);
    const response = await this.send('GET', path, undefined, options.query);
    if (response === 'lost' || response.status >= 300) throw new ApiError(response === 'lost' ? 599 : response.status, 'GET', path, 'list failed');
    const body = response.body as JsonObject;
    return (body.data as JsonObject[]).map((item) => structuredClone(item));
  }

  stats(): ClientStats {
    return { requests: this.log.length, retries: 0, throttled: 0, pages: 0 };
  }

  private check(request: ApiRequest, response: ApiResponse): ApiResponse {
    if (response.status < 300 || request.acceptStatuses?.includes(response.status)) return response;
    const body = response.body as JsonObject;
    throw new ApiError(response.status, request.method, request.path, String(body.message), body);
  }

  private async send(method: string, path: string, body: Json | undefined, query?: Record<string, string>): Promise<ApiResponse | 'lost'> {
    const entry: LoggedRequest = { method, path, startedAt: this.clock.now() };
    if (body !== undefined) entry.body = structuredClone(body);
    if (query) entry.query = query;
    this.log.push(entry);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await this.clock.sleep(this.latency(method, path));
      const fault = this.faults.find((f) => f.method === method && f.path.test(path) && (f.times ?? Infinity) > 0);
      if (fault) {
        if (fault.times !== undefined) fault.times--;
        return { status: fault.status, body: { message: fault.message }, headers: {} };
      }
      const response = this.handle(method, path, body, query);
      if (method === 'POST' && this.loseResponses > 0) {
        this.loseResponses--;
        return 'lost';
      }
      return response;
    } finally {
      this.inFlight--;
      entry.endedAt = this.clock.now();
    }
  }

  private handle(method: string, path: string, body: Json | undefined, query?: Record<string, string>): ApiResponse {
    const script = this.scripted.get(path);
    if (method === 'GET' && script) return { status: 200, body: script.length > 1 ? script.shift()! : script[0]!, headers: {} };
    if (this.collections.has(path) || method === 'POST') {
      const items = this.collections.get(path) ?? [];
      if (method === 'GET') {
        const name = query?.['filter[name][eq]'];
        return { status: 200, body: { data: items.filter((item) => name === undefined || item.name === name) }, headers: {} };
      }
      if (method === 'POST') {
        const created: JsonObject = { ...(isJsonObject(body) ? body : {}), id: `id-${this.nextId++}` };
        this.collections.set(path, [...items, created]);
        return { status: 201, body: created, headers: {} };
      }
    }
    const slash = path.lastIndexOf('/');
    const items = this.collections.get(path.slice(0, slash));
    const id = path.slice(slash + 1);
    const index = items?.findIndex((item) => item.id === id) ?? -1;
    if (!items || index < 0) return { status: 404, body: { message: `Not found: ${path}` }, headers: {} };
    if (method === 'GET') return { status: 200, body: items[index]!, headers: {} };
    if (method === 'DELETE') {
      items.splice(index, 1);
      return { status: 204, body: null, headers: {} };
    }
    items[index] = { ...(method === 'PATCH' ? items[index]! : {}), ...(isJsonObject(body) ? body : {}), id };
    return { status: 200, body: items[index]!, headers: {} };
  }
}
