import type { ApiName, Pagination } from '../../../src/kinds/descriptor.js';
import type { ApiRequest, ApiResponse, ClientStats, KonnectApi, ListOptions } from '../../../src/konnect/types.js';
import type { Json, JsonObject } from '../../../src/model/json.js';

/** A KonnectApi over fixed collections (path → objects). Counts pages as Konnect would serve them. */
export class FakeApi implements KonnectApi {
  readonly listed: Array<{ api: ApiName; path: string; pagination: Pagination; pageSize: number }> = [];
  readonly requested: ApiRequest[] = [];
  private counters: ClientStats = { requests: 0, retries: 0, throttled: 0, pages: 0 };

  /** `schemas`: GET-able single objects (path → body); any other GET is a 404 when accepted. */
  constructor(
    private readonly collections: Record<string, JsonObject[]>,
    private readonly schemas?: Record<string, JsonObject>,
  ) {}

  async request<T = Json>(request: ApiRequest): Promise<ApiResponse<T>> {
    this.requested.push(request);
    this.counters.requests++;
    await Promise.resolve();
    if (this.schemas && request.method === 'GET') {
      const body = this.schemas[request.path];
      if (body) return { status: 200, body: structuredClone(body) as T, headers: {} };
      if (request.acceptStatuses?.includes(404)) return { status: 404, body: { message: 'Not found' } as T, headers: {} };
    }
    throw new Error(`unexpected single request ${request.method} ${request.path}`);
  }

  async list(api: ApiName, path: string, pagination: Pagination, options: ListOptions = {}): Promise<JsonObject[]> {
    const pageSize = options.pageSize ?? 100;
    this.listed.push({ api, path, pagination, pageSize });
    const items = this.collections[path] ?? [];
    const pages = Math.max(1, Math.ceil(items.length / pageSize));
    this.counters.requests += pages;
    this.counters.pages += pages;
    await Promise.resolve();
    return structuredClone(items);
  }

  stats(): ClientStats {
    return { ...this.counters };
  }
}
