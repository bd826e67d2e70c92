import type { EmulatorContext } from '../types.js';
import { canonicalJson, type JsonObject } from '../../model/json.js';
import { clone, iso } from '../env.js';
import { GONE, READY, schedule, transitionKey } from '../lifecycle.js';

/** A data plane group is identified by where it runs. */
export function groupKey(group: JsonObject): string {
  return `${String(group.provider)}|${String(group.region)}|${String(group.cloud_gateway_network_id ?? '')}`;
}

const settings = (group: JsonObject) => canonicalJson({ autoscale: group.autoscale ?? null, environment: group.environment ?? [] });

function octets(id: string, count: number): number[] {
  const hex = id.replace(/-/g, '');
  return Array.from({ length: count }, (_, index) => parseInt(hex.slice(index * 2, index * 2 + 2), 16) % 250 + 2);
}

/** Addresses a ready group reports, derived from its id so they are stable. */
export function fillAddresses(group: JsonObject): void {
  const [a = 2, b = 3, c = 4, d = 5, e = 6, f = 7] = octets(String(group.id), 6);
  group.private_ip_addresses = [`10.0.${a}.${b}`, `10.0.${c}.${d}`, `10.0.${e}.${f}`];
  group.egress_ip_addresses = [`3.${a}.${c}.${e}`, `3.${b}.${d}.${f}`, `3.${a}.${d}.${f}`];
}

function newGroup(ctx: EmulatorContext, controlPlaneId: string, desired: JsonObject): JsonObject {
  const id = ctx.newId();
  const now = iso(ctx);
  const group: JsonObject = {
    id,
    provider: desired.provider ?? null,
    region: desired.region ?? null,
    ...(desired.autoscale !== undefined ? { autoscale: desired.autoscale } : {}),
    environment: desired.environment ?? [],
    ...(desired.cloud_gateway_network_id !== undefined ? { cloud_gateway_network_id: desired.cloud_gateway_network_id } : {}),
    state: 'initializing',
    state_metadata: {},
    private_ip_addresses: [],
    egress_ip_addresses: [],
    hostnames: [`${id.slice(0, 8)}.${String(desired.region)}.gateways.konghq.tech`],
    created_at: now,
    updated_at: now,
  };
  schedule(ctx, transitionKey('dpgroup', controlPlaneId, id), READY);
  return group;
}

/**
 * The actual groups after a PUT: a group on the same provider/region/network keeps its id (re-provisioning when
 * its settings changed), new ones start `initializing`, dropped ones go `terminating` and are removed later.
 */
export function buildGroups(ctx: EmulatorContext, controlPlaneId: string, current: JsonObject | undefined, desired: JsonObject[]): JsonObject[] {
  const existing = ((current?.dataplane_groups ?? []) as JsonObject[]).map(clone);
  const live = existing.filter((group) => group.state !== 'terminating');
  const out: JsonObject[] = existing.filter((group) => group.state === 'terminating');
  for (const wanted of desired) {
    const match = live.find((group) => groupKey(group) === groupKey(wanted));
    if (!match) {
      out.push(newGroup(ctx, controlPlaneId, wanted));
      continue;
    }
    live.splice(live.indexOf(match), 1);
    if (settings(match) !== settings(wanted)) {
      if (wanted.autoscale !== undefined) match.autoscale = wanted.autoscale;
      match.environment = wanted.environment ?? [];
      match.state = 'initializing';
      match.updated_at = iso(ctx);
      schedule(ctx, transitionKey('dpgroup', controlPlaneId, String(match.id)), READY);
    }
    out.push(match);
  }
  for (const dropped of live) {
    dropped.state = 'terminating';
    dropped.updated_at = iso(ctx);
    schedule(ctx, transitionKey('dpgroup', controlPlaneId, String(dropped.id)), GONE);
    out.push(dropped);
  }
  return out;
}
