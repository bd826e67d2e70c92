import type { Json, JsonObject } from '../model/json.js';
import type { HttpMethod } from '../model/plan.js';
import type { ApiName, Pagination } from '../kinds/descriptor.js';
import type { Geo } from '../model/state.js';

export interface ApiRequest {
  api: ApiName;
  method: HttpMethod;
  /** Relative to `/v2`, ids already substituted: `/cloud-gateways/networks/123`. */
  path: string;
  query?: Record<string, string>;
  body?: Json;
  /** Statuses to return instead of throwing (e.g. 409 on a configuration PUT). */
  acceptStatuses?: number[];
  signal?: AbortSignal;
  /**
   * For non-idempotent writes (POST): if the request timed out or the connection dropped after it may have been
   * committed, this looks the entity up by natural key; a hit is returned as the response instead of re-sending.
   */
  recover?: () => Promise<ApiResponse | undefined>;
  /** What is addressed, for error messages: `control plane "x" in geo eu`. */
  describe?: string;
  /** The geo of a regional API's request. @default the client's geo */
  geo?: Geo;
}

export interface ApiResponse<T = Json> {
  status: number;
  body: T;
  headers: Record<string, string>;
}

export interface ListOptions {
  query?: Record<string, string>;
  pageSize?: number;
  signal?: AbortSignal;
  /** What is listed, for error messages: `services of control plane "x"`. */
  describe?: string;
  /** The geo of a regional API's listing. @default the client's geo */
  geo?: Geo;
  /** Each page's items as it arrives (a reader decodes them while the next pages load); the result still holds them all. */
  onPage?: (items: JsonObject[]) => void;
}

export interface ClientStats {
  requests: number;
  retries: number;
  throttled: number;
  /** Pages fetched by list(). */
  pages: number;
}

/** What the reader and the executor need from Konnect. The real client and test fakes implement it. */
export interface KonnectApi {
  /** Throws ApiError for a status outside 2xx and acceptStatuses, after the scheduler's retries. */
  request<T = Json>(request: ApiRequest): Promise<ApiResponse<T>>;
  /** Every item of a paginated list, at the largest page size. */
  list(api: ApiName, path: string, pagination: Pagination, options?: ListOptions): Promise<JsonObject[]>;
  stats(): ClientStats;
}
