import type { Entity } from '../model/entity.js';
import { isJsonObject, type JsonObject } from '../model/json.js';
import type { LiveState } from '../model/state.js';
import { isControlPlaneGroup } from '../kinds/platform/control-plane.js';
import { customDomainRecords, type DnsRecord } from './dns-records.js';
import type { CaaFinding, CnameFinding } from './dns-check.js';
import type { Health } from './health.js';
import { iamRoleArn } from './iam.js';
import type { Geo } from '../model/state.js';

// The DCGW estate as status reports it: read from live state (pure), then enriched by the probes (see collect.ts).

export interface NetworkStatus {
  name: string;
  id?: string;
  provider: string;
  region?: string;
  state: string;
  /** AWS networks: the role the data planes assume (dcgw-docs 000, AWS workload identity). */
  iamRoleArn?: string;
}

export interface DataPlaneGroupStatus {
  provider: string;
  region: string;
  network?: string;
  state: string;
  egressIps: string[];
  hostnames: string[];
  /** `___konnect/healthz` of its first hostname; absent when it has none or probing was off. */
  health?: Health;
}

/** Rows carry `geo` only when the estate spans several geos (see `withGeos`); then every row carries its own. */
export interface ConfigurationStatus {
  controlPlane: string;
  geo?: Geo;
  dataPlaneGroups: DataPlaneGroupStatus[];
}

export interface CustomDomainStatus {
  domain: string;
  controlPlane: string;
  geo?: Geo;
  id?: string;
  state: string;
  /** The records to create at the registrar; empty until the control plane's data planes report a hostname. */
  records: DnsRecord[];
  /** Konnect's own check of the records (`online-status`): `verified` or `unverified` each. */
  online?: { cname: string; ssl: string };
  /** `--check-dns`: what public DNS says now. */
  dns?: { caa: CaaFinding; cnames: CnameFinding[] };
}

export interface AddOnStatus {
  name: string;
  owner: string;
  geo?: Geo;
  state: string;
}

export interface GroupConflict {
  member: string;
  description: string;
  resource: { id?: string; type?: string };
}

export interface GroupStatus {
  controlPlane: string;
  id?: string;
  /** Where the group lives: set when it is not in the default geo, or when the estate spans several geos. */
  geo?: Geo;
  state: string;
  conflicts: GroupConflict[];
}

export interface EstateStatus {
  networks: NetworkStatus[];
  configurations: ConfigurationStatus[];
  customDomains: CustomDomainStatus[];
  addOns: AddOnStatus[];
  groups: GroupStatus[];
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const raw = (entity: Entity): JsonObject => entity.raw ?? {};
const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Live entities of a kind, limited to `only` (kind:key refs) when given. */
function ofKind(live: LiveState, kind: Entity['kind'], only: ReadonlySet<string> | undefined): Entity[] {
  return live.entities.filter((e) => e.kind === kind && (only === undefined || only.has(`${e.kind}:${e.key}`))).sort(byKey);
}

/** The hostname a custom domain's CNAME targets: the first one its control plane's data planes report. */
export function gatewayHostOf(live: LiveState, controlPlane: string): string | undefined {
  const configuration = live.entities.find((e) => e.kind === 'configuration' && e.key === controlPlane);
  const groups = Array.isArray(configuration?.raw?.dataplane_groups) ? configuration.raw.dataplane_groups.filter(isJsonObject) : [];
  return groups.flatMap((group) => strings(group.hostnames)).sort()[0];
}

/** DNS records for one custom domain, from live state. */
export function recordsFor(live: LiveState, domain: string, controlPlane: string): DnsRecord[] {
  const host = gatewayHostOf(live, controlPlane);
  return host === undefined ? [] : customDomainRecords(domain, host);
}

/** IAM role ARN of an AWS network, from live state (its id and the AWS provider account's id). */
export function networkRoleArn(live: LiveState, network: Entity): string | undefined {
  if (network.fields.provider !== 'aws' || network.id === undefined) return undefined;
  const account = live.entities.find((e) => e.kind === 'provider_account' && e.key === 'aws');
  const accountId = str(account?.raw?.provider_account_id);
  return accountId === undefined ? undefined : iamRoleArn(accountId, network.id);
}

/**
 * The estate in live state, before probes. `only`: the `kind:key` refs the files declare (undefined: everything read).
 * `defaultGeo`: the geo of live entities that carry none; given, rows name their geo when they span several.
 */
export function estateFromLive(live: LiveState, only?: ReadonlySet<string>, defaultGeo?: Geo): EstateStatus {
  const estate = estateRows(live, only);
  return defaultGeo === undefined ? estate : withGeos(estate, defaultGeo);
}

type GeoRow = { geo?: Geo };

/** Every row with its geo when the rows span several geos (networks are global); as they are when they span one. */
export function withGeos(estate: EstateStatus, defaultGeo: Geo): EstateStatus {
  const rows: GeoRow[] = [...estate.configurations, ...estate.customDomains, ...estate.addOns, ...estate.groups];
  if (new Set(rows.map((row) => row.geo ?? defaultGeo)).size < 2) return estate;
  for (const row of rows) row.geo ??= defaultGeo;
  return estate;
}

function estateRows(live: LiveState, only: ReadonlySet<string> | undefined): EstateStatus {
  const networkNames = new Map(live.entities.filter((e) => e.kind === 'network' && e.id !== undefined).map((e) => [e.id!, e.key]));
  const networks = ofKind(live, 'network', only).map((network): NetworkStatus => {
    const out: NetworkStatus = { name: network.key, provider: String(network.fields.provider), state: str(raw(network).state) ?? 'unknown' };
    if (network.id !== undefined) out.id = network.id;
    if (typeof network.fields.region === 'string') out.region = network.fields.region;
    const arn = networkRoleArn(live, network);
    if (arn !== undefined) out.iamRoleArn = arn;
    return out;
  });
  const configurations = ofKind(live, 'configuration', only).map((configuration): ConfigurationStatus => {
    const groups = Array.isArray(raw(configuration).dataplane_groups) ? (raw(configuration).dataplane_groups as unknown[]).filter(isJsonObject) : [];
    return {
      controlPlane: configuration.key,
      ...(configuration.geo !== undefined ? { geo: configuration.geo } : {}),
      dataPlaneGroups: groups.map((group): DataPlaneGroupStatus => {
        const out: DataPlaneGroupStatus = {
          provider: String(group.provider),
          region: String(group.region),
          state: str(group.state) ?? 'unknown',
          egressIps: strings(group.egress_ip_addresses),
          hostnames: strings(group.hostnames),
        };
        const networkId = str(group.cloud_gateway_network_id);
        if (networkId !== undefined) out.network = networkNames.get(networkId) ?? `id:${networkId}`;
        return out;
      }),
    };
  });
  const customDomains = ofKind(live, 'custom_domain', only).map((domain): CustomDomainStatus => {
    const controlPlane = String(domain.fields.control_plane);
    const out: CustomDomainStatus = {
      domain: domain.key,
      controlPlane,
      state: str(raw(domain).state) ?? 'unknown',
      records: recordsFor(live, domain.key, controlPlane),
    };
    if (domain.geo !== undefined) out.geo = domain.geo;
    if (domain.id !== undefined) out.id = domain.id;
    return out;
  });
  const addOns = ofKind(live, 'add_on', only).map((addOn): AddOnStatus => {
    const owner = isJsonObject(addOn.fields.owner) ? addOn.fields.owner : {};
    const ownerName = str(owner.control_plane_group) ?? str(owner.control_plane) ?? '?';
    return { name: addOn.key, owner: ownerName, ...(addOn.geo !== undefined ? { geo: addOn.geo } : {}), state: str(raw(addOn).state) ?? 'unknown' };
  });
  const groups = ofKind(live, 'control_plane', only)
    .filter((cp) => isControlPlaneGroup(cp))
    .map((cp): GroupStatus => {
      const out: GroupStatus = { controlPlane: cp.key, state: 'unknown', conflicts: [] };
      if (cp.id !== undefined) out.id = cp.id;
      if (cp.geo !== undefined) out.geo = cp.geo;
      return out;
    });
  return { networks, configurations, customDomains, addOns, groups };
}

/** Control plane names by id, for Konnect's answers that name members by id. */
export function controlPlaneNames(live: LiveState): Map<string, string> {
  return new Map(live.entities.filter((e) => e.kind === 'control_plane' && e.id !== undefined).map((e) => [e.id!, e.key]));
}

/** Konnect's group-status body → conflicts with member names. */
export function readGroupStatus(body: unknown, cpNames: ReadonlyMap<string, string>): { state: string; conflicts: GroupConflict[] } {
  const item = isJsonObject(body) && isJsonObject(body.item) ? body.item : {};
  const conflicts = (Array.isArray(item.conflicts) ? item.conflicts : []).filter(isJsonObject).map((c): GroupConflict => {
    const resource = isJsonObject(c.resource) ? c.resource : {};
    const clusterId = String(c.cluster_id);
    const out: GroupConflict = { member: cpNames.get(clusterId) ?? `id:${clusterId}`, description: String(c.description ?? ''), resource: {} };
    if (typeof resource.id === 'string') out.resource.id = resource.id;
    if (typeof resource.type === 'string') out.resource.type = resource.type;
    return out;
  });
  return { state: str(item.state) ?? 'UNKNOWN', conflicts };
}

/** What is not ready or not healthy, one line each: empty means all is well. */
export function estateProblems(estate: EstateStatus): string[] {
  const out: string[] = [];
  for (const n of estate.networks) if (n.state !== 'ready') out.push(`network ${n.name} is ${n.state}`);
  for (const c of estate.configurations) {
    for (const g of c.dataPlaneGroups) {
      const where = `data plane group ${c.controlPlane} ${g.provider}/${g.region}`;
      if (g.state !== 'ready') out.push(`${where} is ${g.state}`);
      else if (g.health && !g.health.up) out.push(`${where} is unhealthy (${g.health.detail ?? 'down'})`);
    }
  }
  for (const d of estate.customDomains) {
    if (d.state !== 'ready') out.push(`custom domain ${d.domain} is ${d.state}`);
    if (d.online && (d.online.cname !== 'verified' || d.online.ssl !== 'verified')) out.push(`custom domain ${d.domain}: Konnect reports cname ${d.online.cname}, ssl ${d.online.ssl}`);
    if (d.dns && !d.dns.caa.allowed) out.push(`custom domain ${d.domain}: CAA at ${d.dns.caa.at ?? d.domain} does not allow pki.goog`);
    for (const c of d.dns?.cnames ?? []) if (!c.ok) out.push(`custom domain ${d.domain}: ${c.record.name} does not resolve to ${c.record.value}`);
  }
  for (const a of estate.addOns) if (a.state !== 'ready') out.push(`add-on ${a.name} is ${a.state}`);
  for (const g of estate.groups) {
    if (g.state === 'CONFLICT') out.push(`control plane group ${g.controlPlane} has ${g.conflicts.length} conflict(s)`);
  }
  return out;
}
