// Apply benchmark: 2,000 operations against the emulator (50 ms latency, a rate limit), four ways at once, each on
// its own emulator: konsync with the limit known; konsync not configured with it (client set 3× higher) while the
// server sends rate-limit headers; konsync set 3× higher against a server that announces nothing (no ratelimit-*,
// x-ratelimit-*, retry-after: a bare 429); and a decK-like policy (10 workers, a barrier after every kind in GDR's
// level order, retry on 429 only with backoff).
import type { BenchSection } from './run.js';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../src/emulator/index.js';
import { KonnectClient, ApiError, type KonnectClientOptions } from '../src/konnect/index.js';
import type { ApiRequest, ApiResponse, KonnectApi, ListOptions } from '../src/konnect/types.js';
import type { ApiName, Pagination } from '../src/kinds/descriptor.js';
import { kindOf, type KindName } from '../src/kinds/registry.js';
import { buildPlan } from '../src/diff/index.js';
import { executePlan, resolveIds } from '../src/executor/index.js';
import { runOperation } from '../src/executor/run-operation.js';
import { systemClock } from '../src/konnect/clock.js';
import { scopedKey, type Entity } from '../src/model/entity.js';
import type { Json, JsonObject } from '../src/model/json.js';
import type { Operation, Plan } from '../src/model/plan.js';

/** Emulator limit, requests per minute. Low enough that 2,000 requests span several windows. */
const LIMIT = Number(process.env.APPLY_BENCH_LIMIT ?? 900);
const LATENCY = 'latency=50ms';
const OPERATIONS = 2000;
/** decK's 429 backoff is 10 s doubling to 60 s; scaled by this factor (1 = decK's own numbers). */
const DECK_BACKOFF_SCALE = Number(process.env.APPLY_BENCH_DECK_BACKOFF_SCALE ?? 1);
const CP = 'bench';

// ---- the plan ---------------------------------------------------------------------------------------------------

function entity(kind: KindName, fields: JsonObject): Entity {
  const controlPlane = kindOf(kind).scope === 'control_plane' ? CP : undefined;
  const local = kindOf(kind).identity(fields);
  if (local === undefined) throw new Error(`no identity for ${kind}`);
  const out: Entity = { kind, key: scopedKey(controlPlane, local), fields };
  if (controlPlane !== undefined) out.controlPlane = controlPlane;
  return out;
}

/** services → routes → plugins, partials → plugins, upstreams → targets, consumers + groups → members. */
export function benchPlan(): Plan {
  const entities: Entity[] = [entity('control_plane', { name: CP })];
  const counts = { partials: 10, services: 300, upstreams: 40, groups: 20, consumers: 250 };
  for (let i = 0; i < counts.partials; i++) entities.push(entity('partial', { name: `redis-${i}`, type: 'redis-ee', config: { host: `redis-${i}.internal`, port: 6379 } }));
  for (let i = 0; i < counts.services; i++) {
    entities.push(entity('service', { name: `svc-${i}`, host: `svc-${i}.internal`, port: 443, protocol: 'https' }));
    for (const r of [0, 1]) entities.push(entity('route', { name: `svc-${i}-r${r}`, paths: [`/svc-${i}/r${r}`], service: `svc-${i}` }));
  }
  for (let i = 0; i < counts.upstreams; i++) {
    entities.push(entity('upstream', { name: `up-${i}` }));
    for (const t of [0, 1]) entities.push(entity('target', { upstream: `up-${i}`, target: `10.1.${i}.${t + 1}:8080` }));
  }
  for (let i = 0; i < counts.groups; i++) entities.push(entity('consumer_group', { name: `group-${i}` }));
  for (let i = 0; i < counts.consumers; i++) {
    entities.push(entity('consumer', { username: `user-${i}` }));
    entities.push(entity('consumer_group_member', { consumer_group: `group-${i % counts.groups}`, consumer: `user-${i}` }));
  }
  // Fill up to OPERATIONS with plugins: rate limiting (with a redis partial) on services, then CORS on routes.
  for (let i = 0; entities.length < OPERATIONS; i++) {
    const fields: JsonObject =
      i < counts.services
        ? {
            name: 'rate-limiting-advanced',
            service: `svc-${i}`,
            config: { limit: [100], window_size: [60], window_type: 'sliding', strategy: 'redis', sync_rate: 1 },
            partials: [{ name: `redis-${i % counts.partials}`, path: 'config.redis' }],
          }
        : { name: 'cors', route: `svc-${i - counts.services}-r0`, config: { origins: ['*'] } };
    entities.push(entity('plugin', fields));
  }
  const scopes = [{ controlPlane: CP, selectTagSets: [[]], lookupTags: {}, includePluginDefinitions: false }];
  return buildPlan({ geo: 'us', entities, claims: [], scopes, env: [], files: [] }, { entities: [] });
}

// ---- a decK-like runner ------------------------------------------------------------------------------------------

/** GDR's dependency levels (pkg/diff/order.go), kinds in order; decK waits for each kind to finish before the next. */
const GDR_ORDER: KindName[] = [
  'control_plane',
  ...(['certificate', 'ca_certificate', 'consumer', 'vault', 'partial', 'custom_plugin'] as const),
  ...(['consumer_group', 'sni', 'service', 'upstream'] as const),
  ...(['route', 'target', 'consumer_group_member'] as const),
  'plugin',
];

/** A plain HTTP client, as decK has: no proactive rate limit, no pacing from RateLimit headers, no retries. */
class PlainApi implements KonnectApi {
  constructor(private readonly emulator: RunningEmulator) {}
  async request<T = Json>(request: ApiRequest): Promise<ApiResponse<T>> {
    const response = await fetch(`${this.emulator.url}/v2${request.path}`, {
      method: request.method,
      headers: { authorization: `Bearer ${this.emulator.token}`, 'content-type': 'application/json' },
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
    });
    const text = await response.text();
    const body = (text === '' ? null : JSON.parse(text)) as T;
    if (!response.ok && !request.acceptStatuses?.includes(response.status)) {
      throw new ApiError(response.status, request.method, request.path, text.slice(0, 200));
    }
    return { status: response.status, body, headers: {} };
  }
  list(): Promise<JsonObject[]> {
    return Promise.reject(new Error('the bench plan needs no lookups'));
  }
  stats() {
    return { requests: 0, retries: 0, throttled: 0, pages: 0 };
  }
}

/** Retries 429 only, 10 s doubling to 60 s (scaled), like decK on Konnect; the client under it does not retry. */
class DeckRetry implements KonnectApi {
  retries = 0;
  constructor(private readonly inner: KonnectApi) {}
  private async retry<T>(send: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await send();
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 429 || attempt >= 20) throw error;
        this.retries++;
        await systemClock.sleep(Math.min(60_000, 10_000 * 2 ** attempt) * DECK_BACKOFF_SCALE);
      }
    }
  }
  request<T = Json>(request: ApiRequest): Promise<ApiResponse<T>> {
    return this.retry(() => this.inner.request<T>(request));
  }
  list(api: ApiName, path: string, pagination: Pagination, options?: ListOptions): Promise<JsonObject[]> {
    return this.retry(() => this.inner.list(api, path, pagination, options));
  }
  stats() {
    return this.inner.stats();
  }
}

async function deckLike(plan: Plan, api: KonnectApi): Promise<{ applied: number; failed: number }> {
  const resolver = resolveIds(plan, api);
  const byKind = new Map<KindName, Operation[]>();
  for (const op of plan.operations) byKind.set(op.kind, [...(byKind.get(op.kind) ?? []), op]);
  let applied = 0;
  let failed = 0;
  const ctx = { api, resolver, env: {}, geo: plan.geo, clock: systemClock, noWait: true, waitTimeoutMs: 60_000, onState: () => undefined };
  for (const kind of GDR_ORDER) {
    const queue = [...(byKind.get(kind) ?? [])];
    const worker = async () => {
      for (let op = queue.shift(); op; op = queue.shift()) {
        await runOperation(op, ctx).then(() => applied++, () => failed++);
      }
    };
    await Promise.all(Array.from({ length: 10 }, worker)); // the per-kind barrier
  }
  return { applied, failed };
}

// ---- measuring ---------------------------------------------------------------------------------------------------

interface RunFigures {
  name: string;
  applied: number;
  failed: number;
  seconds: number;
  requests: number;
  throttled: number;
  throttledShare: number;
  /** Non-429 requests per minute over the whole run (a fixed window lets a short run beat the limit). */
  requestsPerMinute: number;
  /** Non-429 requests in each rate-limit window, first to last. */
  perWindow: number[];
  /** Mean over every window but the last (which the run leaves early) of served ÷ limit: achieved ÷ allowed. */
  ratio: number;
  errors?: string[];
}

const WINDOW_MS = 60_000;

/**
 * One run on its own emulator. The emulator's clock is shifted so its fixed one-minute rate-limit window starts when
 * the run does: every run sees the same windows, and each full window is comparable with the limit.
 */
async function measure(
  name: string,
  body: (emulator: RunningEmulator) => Promise<{ applied: number; failed: number; errors?: string[] }>,
  options: EmulatorOptions = {},
): Promise<RunFigures> {
  const offset = Date.now() % WINDOW_MS;
  const emulator = await startEmulator({ rateLimitPerMinute: LIMIT, faults: LATENCY, seed: 7, now: () => Date.now() - offset, ...options });
  try {
    const started = Date.now();
    const outcome = await body(emulator);
    const seconds = (Date.now() - started) / 1000;
    const log = emulator.requestLog;
    const throttled = log.filter((entry) => entry.status === 429).length;
    const first = Math.floor((log[0]?.at ?? 0) / WINDOW_MS);
    const perWindow: number[] = [];
    for (const entry of log) {
      const index = Math.floor(entry.at / WINDOW_MS) - first;
      while (perWindow.length <= index) perWindow.push(0);
      if (entry.status !== 429) perWindow[index]! += 1;
    }
    const full = perWindow.slice(0, -1);
    const ratio = full.length > 0 ? full.reduce((sum, served) => sum + served / LIMIT, 0) / full.length : (log.length - throttled) / LIMIT;
    return {
      name,
      ...outcome,
      seconds: round(seconds),
      requests: log.length,
      throttled,
      throttledShare: round(throttled / Math.max(1, log.length), 4),
      requestsPerMinute: round(((log.length - throttled) / seconds) * 60),
      perWindow,
      ratio: round(ratio, 3),
    };
  } finally {
    await emulator.stop();
  }
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

function client(emulator: RunningEmulator, options: Partial<KonnectClientOptions>): KonnectClient {
  return new KonnectClient({ token: emulator.token, addr: emulator.url, ...options });
}

async function konsync(plan: Plan, api: KonnectApi) {
  const report = await executePlan(plan, api, { env: {}, noWait: true });
  const errors = [...new Set(report.results.filter((r) => r.outcome === 'failed').map((r) => r.message ?? ''))].slice(0, 3);
  return { applied: report.applied, failed: report.failed, errors };
}

export const applyBench: BenchSection = {
  name: 'apply',
  async run() {
    const plan = benchPlan();
    const writes = plan.operations.filter((op) => op.action !== 'wait').length;
    const runs = await Promise.all([
      measure('konsync, limit known', (emulator) => konsync(plan, client(emulator, { ratePerMinute: LIMIT }))),
      measure('konsync, client not configured (server sends headers)', (emulator) => konsync(plan, client(emulator, { ratePerMinute: LIMIT * 3 }))),
      measure('konsync, limit not announced (no headers)', (emulator) => konsync(plan, client(emulator, { ratePerMinute: LIMIT * 3 })), {
        rateLimitHeaders: false,
      }),
      measure('decK-like', (emulator) => deckLike(plan, new DeckRetry(new PlainApi(emulator)))),
    ]);
    const results = { operations: writes, limitPerMinute: LIMIT, latency: LATENCY, deckBackoffScale: DECK_BACKOFF_SCALE, runs };
    const markdown = [
      `${writes} operations (${kindsOf(plan)}) against the emulator with ${LATENCY} and a limit of ${LIMIT} requests/min;`,
      `the four runs go at once, each on its own emulator. "Client not configured": konsync set to ${LIMIT * 3}/min, the server`,
      `sends ratelimit-* headers. "No headers": konsync set to ${LIMIT * 3}/min, the server sends no ratelimit-*, x-ratelimit-*`,
      `or retry-after (a bare 429 body), so konsync has to learn the limit. decK-like: 10 workers, a barrier after every kind in GDR's`,
      `level order, 429 retried after 10 s doubling to 60 s${DECK_BACKOFF_SCALE === 1 ? '' : ` × ${DECK_BACKOFF_SCALE}`}.`,
      '',
      '| run | applied | failed | time (s) | requests | 429s | served per window | achieved ÷ allowed | requests/min overall |',
      '|---|---|---|---|---|---|---|---|---|',
      ...runs.map(
        (r) =>
          `| ${r.name} | ${r.applied} | ${r.failed} | ${r.seconds} | ${r.requests} | ${r.throttled} (${(r.throttledShare * 100).toFixed(2)} %) | ${r.perWindow.join(' / ')} | ${r.ratio} | ${r.requestsPerMinute} |`,
      ),
      '',
      `Achieved ÷ allowed: requests served in each full one-minute window (every window but the last, which the run`,
      `leaves early) ÷ the limit, averaged. Each emulator's window starts with its run. Targets: limit known ≥ 0.95 and`,
      `0 429s; client not configured and no headers ≥ 0.85 and < 1 % 429s.`,
    ].join('\n');
    return { results, markdown };
  },
};

function kindsOf(plan: Plan): string {
  const counts = new Map<string, number>();
  for (const op of plan.operations) counts.set(op.kind, (counts.get(op.kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => `${count} ${kind}`).join(', ');
}
