// Live-state read of 20k gateway entities across 5 control planes, against the emulator with 50 ms latency.
// Reports requests (must equal pages: no per-entity GETs) and wall time against the floor requests / allowed rate.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchSection } from './run.js';
import { startEmulator } from '../src/emulator/index.js';
import { KonnectClient } from '../src/konnect/client.js';
import { readLiveState } from '../src/state/read/index.js';
import type { Json, JsonObject } from '../src/model/json.js';
import type { DesiredState } from '../src/model/state.js';

/** Per control plane; 5 control planes → 20,000 entities. */
export const MIX = { services: 1200, routes: 1200, consumers: 1000, plugins: 400, upstreams: 50, targetsPerUpstream: 3 } as const;
export const CONTROL_PLANES = 5;
export const LATENCY = 'latency=50ms';
export const RATE_PER_MINUTE = 3000;

export function entitiesPerControlPlane(): number {
  return MIX.services + MIX.routes + MIX.consumers + MIX.plugins + MIX.upstreams + MIX.upstreams * MIX.targetsPerUpstream;
}

/** Seeds through the public API (POSTs), on an emulator without rate limit or latency, saved to `dataFile`. */
async function seed(dataFile: string): Promise<string[]> {
  const emulator = await startEmulator({ dataFile, rateLimitPerMinute: 10_000_000, provisionMs: 10, seed: 7 });
  const client = new KonnectClient({ token: emulator.token, addr: emulator.url, ratePerMinute: 10_000_000, burst: 10_000, concurrency: 32 });
  const post = async (path: string, body: Json, api: 'control-planes' | 'core-entities' = 'core-entities') =>
    (await client.request<JsonObject>({ api, method: 'POST', path, body })).body;
  const all = <T>(count: number, fn: (i: number) => Promise<T>) => Promise.all(Array.from({ length: count }, (_, i) => fn(i)));
  const names: string[] = [];
  try {
    for (let c = 0; c < CONTROL_PLANES; c++) {
      const name = `bench-${c}`;
      names.push(name);
      const cp = await post('/control-planes', { name, cloud_gateway: true }, 'control-planes');
      const base = `/control-planes/${String(cp.id)}/core-entities`;
      const services = await all(MIX.services, (i) => post(`${base}/services`, { name: `svc-${i}`, host: `svc-${i}.internal`, tags: ['bench'] }));
      await all(MIX.routes, (i) => post(`${base}/routes`, { name: `route-${i}`, paths: [`/r${i}`], service: { id: String(services[i % services.length]!.id) } }));
      await all(MIX.consumers, (i) => post(`${base}/consumers`, { username: `user-${i}` }));
      await all(MIX.plugins, (i) => post(`${base}/plugins`, { name: 'key-auth', service: { id: String(services[i]!.id) } }));
      const upstreams = await all(MIX.upstreams, (i) => post(`${base}/upstreams`, { name: `up-${i}` }));
      await all(upstreams.length * MIX.targetsPerUpstream, (i) =>
        post(`${base}/upstreams/${String(upstreams[Math.floor(i / MIX.targetsPerUpstream)]!.id)}/targets`, { target: `10.0.${Math.floor(i / 250)}.${i % 250}:80` }),
      );
    }
  } finally {
    await emulator.stop();
  }
  return names;
}

function desiredFor(controlPlanes: string[]): DesiredState {
  return {
    geo: 'us',
    entities: [],
    claims: [],
    scopes: controlPlanes.map((controlPlane) => ({ controlPlane, selectTagSets: [[]], lookupTags: {}, includePluginDefinitions: false })),
    env: [],
    files: [],
  };
}

export interface ReadBenchResult {
  controlPlanes: number;
  entitiesSeeded: number;
  gatewayEntitiesRead: number;
  requests: number;
  pages: number;
  retries: number;
  throttled: number;
  serverRequests: number;
  server429s: number;
  wallMs: number;
  /** requests / allowed rate: no client can be faster without going over the limit. */
  floorMs: number;
  ratePerMinute: number;
  /** The scheduler's adaptive rate at the end (below ratePerMinute only after 429s). */
  finalRatePerMinute: number;
  latency: string;
  concurrency: number;
  seedMs: number;
}

export async function runReadBench(): Promise<ReadBenchResult> {
  const dir = await mkdtemp(join(tmpdir(), 'konsync-read-bench-'));
  try {
    const dataFile = join(dir, 'emulator.json');
    const seedStart = performance.now();
    const names = await seed(dataFile);
    const seedMs = performance.now() - seedStart;
    const emulator = await startEmulator({ dataFile, faults: LATENCY, rateLimitPerMinute: RATE_PER_MINUTE, seed: 7 });
    try {
      const client = new KonnectClient({ token: emulator.token, addr: emulator.url, ratePerMinute: RATE_PER_MINUTE });
      const start = performance.now();
      const live = await readLiveState(client, desiredFor(names));
      const wallMs = performance.now() - start;
      const stats = client.stats();
      return {
        controlPlanes: names.length,
        entitiesSeeded: names.length * entitiesPerControlPlane(),
        gatewayEntitiesRead: live.entities.filter((e) => e.controlPlane !== undefined).length,
        requests: stats.requests,
        pages: stats.pages,
        retries: stats.retries,
        throttled: stats.throttled,
        serverRequests: emulator.requestLog.length,
        server429s: emulator.requestLog.filter((entry) => entry.status === 429).length,
        wallMs: Math.round(wallMs),
        floorMs: Math.round((stats.requests / RATE_PER_MINUTE) * 60_000),
        ratePerMinute: RATE_PER_MINUTE,
        finalRatePerMinute: client.currentRatePerMinute,
        latency: LATENCY,
        concurrency: client.scheduler.concurrency,
        seedMs: Math.round(seedMs),
      };
    } finally {
      await emulator.stop();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function readBenchMarkdown(r: ReadBenchResult): string {
  return [
    `Live-state read of ${r.entitiesSeeded.toLocaleString('en')} gateway entities across ${r.controlPlanes} control planes`,
    `(emulator, \`${r.latency}\`, ${r.ratePerMinute} requests/min, concurrency ${r.concurrency}).`,
    '',
    '| measure | value |',
    '|---|---|',
    `| entities read | ${r.gatewayEntitiesRead} |`,
    `| requests (client) | ${r.requests} |`,
    `| pages | ${r.pages} |`,
    `| requests seen by the emulator | ${r.serverRequests} |`,
    `| retries / 429s | ${r.retries} / ${r.throttled} (emulator sent ${r.server429s}) |`,
    `| wall time | ${(r.wallMs / 1000).toFixed(2)} s |`,
    `| floor (requests / allowed rate) | ${(r.floorMs / 1000).toFixed(2)} s |`,
    `| wall / floor | ${(r.wallMs / Math.max(1, r.floorMs)).toFixed(2)} |`,
    '',
    `requests == pages: ${r.requests === r.pages ? 'yes' : 'NO'} (no per-entity GETs). Seeding (POSTs, not timed in the read): ${(r.seedMs / 1000).toFixed(1)} s.`,
  ].join('\n');
}

export const readBench: BenchSection = {
  name: 'read',
  async run() {
    const results = await runReadBench();
    return { results, markdown: readBenchMarkdown(results) };
  },
};
