// buildPlan on 10k / 50k / 100k gateway entities (services, routes, plugins, consumers, partials) against a live
// snapshot in Konnect's shape (server defaults filled, ids, timestamps) where 10% differ: 8% changed, 1% missing
// (create), 1% extra (delete). Compared with YAML.parse of the same state written as a decK file.
import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import type { BenchSection } from './run.js';
import { buildPlan } from '../src/diff/index.js';
import { scopedKey, type Entity } from '../src/model/entity.js';
import type { JsonObject } from '../src/model/json.js';
import type { Claim, DesiredState, LiveState } from '../src/model/state.js';
import { kindOf, type KindName } from '../src/kinds/registry.js';

export const SIZES = [10_000, 50_000, 100_000] as const;
export const TARGETS = { maxSeconds: 2, maxParseRatio: 3, maxRssMb: 500 } as const;
const CP = 'bench';
/** Share of each kind in a state. */
const MIX = { services: 0.2, routes: 0.3, plugins: 0.28, consumers: 0.2, partials: 0.02 } as const;
const PLUGINS = ['rate-limiting-advanced', 'cors', 'key-auth', 'rate-limiting', 'correlation-id'] as const;

interface Generated {
  desired: DesiredState;
  live: LiveState;
}

function pluginConfig(name: string, i: number): JsonObject {
  if (name === 'rate-limiting-advanced') return { limit: [100 + (i % 7)], window_size: [60], strategy: 'local' };
  if (name === 'rate-limiting') return { minute: 10 + (i % 5), policy: 'local' };
  if (name === 'cors') return { origins: [`https://app${i % 13}.example.com`], credentials: true };
  if (name === 'key-auth') return { key_names: ['apikey', `x-key-${i % 3}`] };
  return { header_name: `X-Request-${i % 11}` };
}

/** Desired entities in the loader's shape. */
function desiredEntities(total: number): Entity[] {
  const count = (share: number) => Math.max(1, Math.floor(total * share));
  const services = count(MIX.services);
  const routes = count(MIX.routes);
  const partials = count(MIX.partials);
  const out: Array<[KindName, JsonObject]> = [];
  for (let i = 0; i < partials; i++) out.push(['partial', { name: `redis-${i}`, type: 'redis-ee', config: { host: `redis-${i}.internal`, read_timeout: 3000 }, tags: ['bench'] }]);
  for (let i = 0; i < services; i++) out.push(['service', { name: `svc-${i}`, host: `svc-${i}.internal`, port: 8080, protocol: 'http', tags: ['bench', `team-${i % 17}`] }]);
  for (let i = 0; i < routes; i++) out.push(['route', { name: `route-${i}`, service: `svc-${i % services}`, paths: [`/r${i}`], methods: ['GET', 'POST'], tags: ['bench'] }]);
  for (let i = 0; out.length < total - count(MIX.consumers); i++) {
    const name = PLUGINS[i % PLUGINS.length]!;
    const fields: JsonObject = { name, config: pluginConfig(name, i), tags: ['bench'] };
    if (i % 2 === 0) fields.service = `svc-${Math.floor(i / 2) % services}`;
    else fields.route = `route-${Math.floor(i / 2) % routes}`;
    fields.instance_name = `p-${i}`;
    if (name === 'rate-limiting-advanced' && i % 4 === 0) fields.partials = [{ name: `redis-${i % partials}` }];
    out.push(['plugin', fields]);
  }
  for (let i = 0; out.length < total; i++) out.push(['consumer', { username: `user-${i}`, custom_id: `c-${i}`, tags: ['bench'] }]);
  return out.map(([kind, fields], line) => ({
    kind,
    key: scopedKey(CP, kindOf(kind).identity(fields)!),
    controlPlane: CP,
    fields,
    source: { file: 'bench.yaml', line: line + 1, column: 1 },
  }));
}

/** What the reader returns: Konnect's full defaulted object (nulls included), decoded, with id and raw. */
function liveOf(entity: Entity, i: number): Entity {
  const descriptor = kindOf(entity.kind);
  const fields: JsonObject = { ...(descriptor.defaults?.(entity.fields) ?? {}), ...entity.fields };
  if (entity.kind === 'plugin' && fields.name === 'rate-limiting-advanced') fields.config = { ...(fields.config as JsonObject), namespace: `ns${i}` };
  const raw: JsonObject = { id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, created_at: 1763700000, updated_at: 1763700000 + i };
  const { source: _source, ...rest } = entity;
  return { ...rest, fields, id: raw.id as string, raw };
}

export function generate(total: number): Generated {
  const desired = desiredEntities(total);
  const live: Entity[] = [];
  desired.forEach((entity, i) => {
    const bucket = i % 100;
    if (bucket === 0) return; // 1%: not in Konnect yet → create
    const copy = liveOf(entity, i);
    if (bucket <= 8) copy.fields = { ...copy.fields, tags: ['bench', 'drifted'] }; // 8%: changed → update
    live.push(copy);
  });
  for (let i = 0; i < Math.floor(total / 100); i++) {
    live.push({ kind: 'service', key: `${CP}/gone-${i}`, controlPlane: CP, fields: { name: `gone-${i}`, host: 'gone', tags: ['bench'] }, id: `gone-${i}`, raw: { id: `gone-${i}` } }); // 1% → delete
  }
  live.push({ kind: 'control_plane', key: CP, fields: { name: CP }, id: 'cp-bench', raw: { id: 'cp-bench' } });
  const kinds: KindName[] = ['service', 'route', 'plugin', 'consumer', 'partial'];
  const claims: Claim[] = kinds.map((kind) => ({ kind, controlPlane: CP, selectTags: ['bench'] }));
  const state: DesiredState = { geo: 'us', entities: desired, claims, scopes: [{ controlPlane: CP, selectTagSets: [['bench']], lookupTags: {}, includePluginDefinitions: false }], env: [], files: ['bench.yaml'] };
  return { desired: state, live: { entities: live } };
}

/** The desired state as a decK file. */
export function toDeck(entities: readonly Entity[]): string {
  const sections: Record<string, JsonObject[]> = {};
  const section: Partial<Record<KindName, string>> = { service: 'services', route: 'routes', plugin: 'plugins', consumer: 'consumers', partial: 'partials' };
  for (const entity of entities) {
    const name = section[entity.kind]!;
    const fields: JsonObject = { ...entity.fields };
    if (typeof fields.service === 'string') fields.service = { name: fields.service };
    if (typeof fields.route === 'string') fields.route = { name: fields.route };
    (sections[name] ??= []).push(fields);
  }
  return YAML.stringify({ _format_version: '3.0', _konnect: { control_plane_name: CP }, _info: { select_tags: ['bench'] }, ...sections });
}

const seconds = (ns: bigint) => Number(ns) / 1e9;
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const cpuSeconds = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};

function time<T>(fn: () => T): { value: T; s: number; cpu: number } {
  const cpu = cpuSeconds();
  const start = process.hrtime.bigint();
  const value = fn();
  return { value, s: seconds(process.hrtime.bigint() - start), cpu: cpuSeconds() - cpu };
}

export interface Row {
  entities: number;
  operations: number;
  /** Best wall time of buildPlan. */
  planSeconds: number;
  /** Median wall time of buildPlan. */
  planMedianSeconds: number;
  /** CPU time (all threads, GC included) of that run. */
  planCpuSeconds: number;
  parseSeconds: number;
  ratio: number;
  /** Peak RSS of the process through the first plan (generating the states included, YAML not yet made). */
  maxRssMb: number;
  heapUsedMb: number;
  /** 1-minute load average when measured: the machine is shared. */
  load: number;
}

/** One size, measured in its own process so that peak RSS belongs to that size alone. */
function measure(total: number): Row {
  const state = generate(total);
  const runs = 5;
  let best = { s: Infinity, cpu: 0 };
  const walls: number[] = [];
  let operations = 0;
  let heap = 0;
  let maxRssMb = 0;
  for (let run = 0; run < runs; run++) {
    const { value: plan, s, cpu } = time(() => buildPlan(state.desired, state.live));
    walls.push(s);
    if (s < best.s) best = { s, cpu };
    operations = plan.operations.length;
    heap = Math.max(heap, process.memoryUsage().heapUsed);
    // One plan's peak: later runs only add the previous runs' uncollected garbage.
    if (run === 0) maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  }
  const median = walls.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
  const yaml = toDeck(state.desired.entities);
  let parse = Infinity;
  for (let run = 0; run < 2; run++) parse = Math.min(parse, time(() => YAML.parse(yaml) as unknown).s);
  return { entities: total, operations, planSeconds: best.s, planMedianSeconds: median, planCpuSeconds: best.cpu, parseSeconds: parse, ratio: best.s / parse, maxRssMb, heapUsedMb: mb(heap), load: loadavg()[0]! };
}

const CHILD_ENV = 'KONSYNC_DIFF_BENCH_SIZE';

function measureInChild(total: number): Promise<Row> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, [CHILD_ENV]: String(total) }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (row) => resolve(row as Row));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`diff bench child for ${total} exited with ${code}`))));
  });
}

if (process.env[CHILD_ENV] && process.send) {
  process.send(measure(Number(process.env[CHILD_ENV])), () => process.exit(0));
}

export const diffBench: BenchSection = {
  name: 'diff',
  async run() {
    const rows: Row[] = [];
    for (const total of SIZES) {
      const row = await measureInChild(total);
      rows.push(row);
      process.stderr.write(`bench: diff ${total}: plan ${row.planSeconds.toFixed(3)} s (median ${row.planMedianSeconds.toFixed(3)} s, cpu ${row.planCpuSeconds.toFixed(3)} s), parse ${row.parseSeconds.toFixed(3)} s, maxRSS ${row.maxRssMb} MB, load ${row.load.toFixed(1)}\n`);
    }
    const big = rows.at(-1)!;
    const met = { seconds: big.planSeconds < TARGETS.maxSeconds, ratio: big.ratio < TARGETS.maxParseRatio, rss: big.maxRssMb < TARGETS.maxRssMb };
    const markdown = [
      'buildPlan against a Konnect-shaped live snapshot (defaults filled, ids, timestamps) where 10% differ (8% update, 1% create, 1% delete);',
      'each size runs in its own process. Best and median of 5 runs; CPU is process CPU time of the best run (GC threads included).',
      `maxRSS: process peak through the first plan (states included). Targets at 100k: < ${TARGETS.maxSeconds} s, < ${TARGETS.maxParseRatio}× YAML.parse, < ${TARGETS.maxRssMb} MB.`,
      '',
      '| entities | operations | buildPlan best (s) | median (s) | CPU (s) | YAML.parse (s) | plan / parse | maxRSS (MB) | heap used (MB) | load avg |',
      '|---|---|---|---|---|---|---|---|---|---|',
      ...rows.map(
        (r) =>
          `| ${r.entities} | ${r.operations} | ${r.planSeconds.toFixed(3)} | ${r.planMedianSeconds.toFixed(3)} | ${r.planCpuSeconds.toFixed(3)} | ${r.parseSeconds.toFixed(3)} | ${r.ratio.toFixed(2)} | ${r.maxRssMb} | ${r.heapUsedMb} | ${r.load.toFixed(1)} |`,
      ),
      '',
      `Targets met at 100k: time ${met.seconds ? 'yes' : 'NO'}, ratio ${met.ratio ? 'yes' : 'NO'}, RSS ${met.rss ? 'yes' : 'NO'}.`,
    ].join('\n');
    return { results: { rows, targets: TARGETS, met }, markdown };
  },
};
