import type { Harness } from '../e2e/harness.js';

/**
 * A state of about `operations` operations from an empty org: control planes (platform resources) and, in each,
 * services with a route and a plugin, plus consumers (gateway entities). `expected` says what Konnect must hold after.
 */
export interface Workload {
  planes: string[];
  servicesPerPlane: number;
  consumersPerPlane: number;
  /** Operations a sync from an empty org plans. */
  operations: number;
}

export function workload(operations: number, prefix = 'rel'): Workload {
  const planeCount = operations >= 300 ? 3 : 2;
  const perPlane = Math.floor((operations - planeCount) / planeCount);
  const servicesPerPlane = Math.floor((perPlane * 0.9) / 3);
  const consumersPerPlane = perPlane - servicesPerPlane * 3;
  const planes = Array.from({ length: planeCount }, (_, i) => `${prefix}-cp-${i}`);
  return { planes, servicesPerPlane, consumersPerPlane, operations: planeCount * (1 + servicesPerPlane * 3 + consumersPerPlane) };
}

export function platformFile(w: Workload): string {
  return ['control_planes:', ...w.planes.flatMap((name) => [`  - name: ${name}`, '    labels: { team: reliability }']), ''].join('\n');
}

export function gatewayFile(w: Workload, plane: string, options: { selectTag?: string; servicePrefix?: string } = {}): string {
  const prefix = options.servicePrefix ?? 'svc';
  const lines = ['_format_version: "3.0"', `_konnect: { control_plane_name: ${plane} }`];
  if (options.selectTag) lines.push(`_info: { select_tags: [${options.selectTag}] }`);
  lines.push('services:');
  for (let i = 0; i < w.servicesPerPlane; i++) {
    lines.push(
      `  - name: ${prefix}-${i}`,
      `    host: ${prefix}-${i}.internal`,
      '    port: 8080',
      '    protocol: http',
      '    routes:',
      `      - name: ${prefix}-${i}-route`,
      `        paths: [/${prefix}-${i}]`,
      '    plugins:',
      '      - name: rate-limiting',
      '        config: { minute: 60, policy: local }',
    );
  }
  if (w.consumersPerPlane > 0) {
    lines.push('consumers:');
    for (let i = 0; i < w.consumersPerPlane; i++) lines.push(`  - username: ${prefix}-user-${i}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Writes `<dir>/platform.yaml` and one gateway file per control plane; returns the directory. */
export async function writeWorkload(h: Harness, w: Workload, dir = 'state'): Promise<string> {
  await h.write(`${dir}/platform.yaml`, platformFile(w));
  for (const plane of w.planes) await h.write(`${dir}/${plane}.yaml`, gatewayFile(w, plane));
  return h.path(dir);
}

export interface Census {
  /** Entities Konnect holds more than once under one natural key, named. */
  duplicates: string[];
  /** Planned entities Konnect does not hold. */
  missing: string[];
  /** Entities Konnect holds that the state does not declare. */
  orphans: string[];
}

type Listed = { data: Array<Record<string, unknown>> };

/** A GET straight to the emulator that outlasts injected faults (429, 500, resets, lost answers): bounded retries. */
export async function inspect(h: Harness, path: string): Promise<unknown> {
  let last: unknown;
  for (let attempt = 0; attempt < 30; attempt++) {
    try {
      const response = await fetch(`${h.emulator.url}/v2${path}`, { headers: { authorization: `Bearer ${h.emulator.token}` }, signal: AbortSignal.timeout(3000) });
      const text = await response.text();
      if (response.ok) return JSON.parse(text);
      last = new Error(`GET ${path}: ${response.status} ${text}`);
      if (response.status !== 429 && response.status < 500) throw last;
    } catch (error) {
      if (error === last) throw error;
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw last;
}

function tally(names: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return counts;
}

/** Compares what the emulator holds (straight from its API) with what the workload declares. */
export async function census(h: Harness, w: Workload, servicePrefix = 'svc'): Promise<Census> {
  const out: Census = { duplicates: [], missing: [], orphans: [] };
  const compare = (what: string, held: string[], wanted: string[]) => {
    const counts = tally(held);
    for (const [name, count] of counts) if (count > 1) out.duplicates.push(`${what} ${name} ×${count}`);
    for (const name of wanted) if (!counts.has(name)) out.missing.push(`${what} ${name}`);
    const wantedSet = new Set(wanted);
    for (const name of counts.keys()) if (!wantedSet.has(name)) out.orphans.push(`${what} ${name}`);
  };
  const planes = (await inspect(h, '/control-planes?page[size]=100')) as Listed;
  compare('control plane', planes.data.map((cp) => String(cp.name)), w.planes);
  for (const plane of w.planes) {
    if (!planes.data.some((cp) => cp.name === plane)) continue;
    const id = String(planes.data.find((cp) => cp.name === plane)!.id);
    const list = async (collection: string) => ((await inspect(h, `/control-planes/${id}/core-entities/${collection}?size=1000`)) as Listed).data;
    const services = await list('services');
    const serviceNames = new Map(services.map((s) => [String(s.id), String(s.name)]));
    const indices = Array.from({ length: w.servicesPerPlane }, (_, i) => i);
    compare(`${plane} service`, services.map((s) => String(s.name)), indices.map((i) => `${servicePrefix}-${i}`));
    compare(`${plane} route`, (await list('routes')).map((r) => String(r.name)), indices.map((i) => `${servicePrefix}-${i}-route`));
    const plugins = await list('plugins');
    const pluginKey = (p: Record<string, unknown>) => `${String(p.name)}@${serviceNames.get(String((p.service as { id?: string } | null)?.id)) ?? 'global'}`;
    compare(`${plane} plugin`, plugins.map(pluginKey), indices.map((i) => `rate-limiting@${servicePrefix}-${i}`));
    const consumers = await list('consumers');
    compare(`${plane} consumer`, consumers.map((c) => String(c.username)), Array.from({ length: w.consumersPerPlane }, (_, i) => `${servicePrefix}-user-${i}`));
  }
  return out;
}

/** A fixed-width table for the suites' console output. */
export function table(header: string[], rows: Array<Array<string | number>>): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)].join('\n');
}
