import type { ApiRequest, KonnectApi } from '../../src/konnect/types.js';
import { fetchTransport, type Transport } from '../../src/konnect/transport.js';
import { validateRequest, validateResponse, type SpecApi } from './spec-oracle.js';

/** One exchange konsync (or a test) had with Konnect or the emulator. */
export interface ExchangeRecord {
  method: string;
  /** Path relative to the host, `/v2` included or not; the query string is ignored for matching. */
  path: string;
  requestBody?: unknown;
  status: number;
  responseBody?: unknown;
  /** Built from KonnectApi.list(): the items of every page as one `{data}` (no single HTTP response). */
  synthetic?: boolean;
}

export interface Recorder<T> {
  records: ExchangeRecord[];
  wrapped: T;
}

function parse(text: string | undefined): unknown {
  if (text === undefined || text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function pathOf(url: string): string {
  const parsed = new URL(url, 'http://placeholder');
  return parsed.pathname + parsed.search;
}

/** Wraps konsync's HTTP transport (KonnectClient `transport` option): every page, retry and error is recorded. */
export function recordingTransport(inner: Transport = fetchTransport): Recorder<Transport> {
  const records: ExchangeRecord[] = [];
  const wrapped: Transport = async (request, signal) => {
    const response = await inner(request, signal);
    records.push({ method: request.method, path: pathOf(request.url), requestBody: parse(request.body), status: response.status, responseBody: parse(response.body) });
    return response;
  };
  return { records, wrapped };
}

/** Wraps a fetch function. */
export function recordingFetch(inner: typeof fetch = fetch): Recorder<typeof fetch> {
  const records: ExchangeRecord[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const response = await inner(input, init);
    const text = await response.clone().text();
    const requestBody = typeof init?.body === 'string' ? parse(init.body) : undefined;
    records.push({ method: (init?.method ?? 'GET').toUpperCase(), path: pathOf(url), requestBody, status: response.status, responseBody: parse(text) });
    return response;
  };
  return { records, wrapped };
}

interface StatusError {
  status: number;
  body?: unknown;
}
const isStatusError = (error: unknown): error is StatusError =>
  typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number';

/** Wraps a KonnectApi (client or fake). Lists are recorded as one synthetic `{data}` page. */
export function recordingApi(inner: KonnectApi): Recorder<KonnectApi> {
  const records: ExchangeRecord[] = [];
  const wrapped: KonnectApi = {
    async request<T>(request: ApiRequest) {
      const base = { method: request.method, path: request.path, requestBody: request.body };
      try {
        const response = await inner.request<T>(request);
        records.push({ ...base, status: response.status, responseBody: response.body });
        return response;
      } catch (error) {
        if (isStatusError(error)) records.push({ ...base, status: error.status, responseBody: error.body });
        throw error;
      }
    },
    async list(api, path, pagination, options) {
      const items = await inner.list(api, path, pagination, options);
      records.push({ method: 'GET', path, status: 200, responseBody: { data: items }, synthetic: true });
      return items;
    },
    stats: () => inner.stats(),
  };
  return { records, wrapped };
}

export interface Violation {
  record: ExchangeRecord;
  side: 'request' | 'response';
  errors: string[];
}

/** Every request body and every documented response body checked against the official specs. */
export function conformanceViolations(records: ExchangeRecord[], api?: SpecApi): Violation[] {
  const violations: Violation[] = [];
  for (const record of records) {
    if (record.requestBody !== undefined && ['POST', 'PUT', 'PATCH'].includes(record.method)) {
      const verdict = validateRequest(api, record.method, record.path, record.requestBody);
      if (!verdict.valid) violations.push({ record, side: 'request', errors: verdict.errors });
    }
    const verdict = validateResponse(api, record.method, record.path, record.status, record.responseBody);
    // A response the spec has no words for (e.g. a 429, a core-entity 400) cannot be checked.
    if (!verdict.valid && (verdict.documented || record.status < 300)) violations.push({ record, side: 'response', errors: verdict.errors });
  }
  return violations;
}

/** Throws one error listing every exchange whose bodies do not match the official specs. */
export function assertConforms(records: ExchangeRecord[], api?: SpecApi): void {
  const violations = conformanceViolations(records, api);
  if (violations.length === 0) return;
  const lines = violations.map(
    (v) => `${v.record.method} ${v.record.path} → ${v.record.status} (${v.side}): ${v.errors.slice(0, 5).join('; ')}\n  body: ${JSON.stringify(v.side === 'request' ? v.record.requestBody : v.record.responseBody).slice(0, 600)}`,
  );
  throw new Error(`${violations.length} exchange(s) do not match the Konnect specs:\n${lines.join('\n')}`);
}
