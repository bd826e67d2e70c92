import type { KonnectApi } from '../konnect/types.js';
import type { Plan } from '../model/plan.js';
import type { Geo } from '../model/state.js';
import { kindOf } from '../kinds/registry.js';
import { splitKey } from '../executor/split-key.js';
import { readLiveState } from '../state/read/index.js';
import { collectEstate } from './collect.js';
import { formatRecord, type DnsRecord } from './dns-records.js';
import type { GroupStatus } from './estate.js';

/** What a user must act on after an apply: DNS records to create, IAM roles to trust, group conflicts to resolve. */
export interface AfterApply {
  networks: Array<{ name: string; iamRoleArn: string }>;
  customDomains: Array<{ domain: string; records: DnsRecord[] }>;
  groups: GroupStatus[];
}

const emptyDesired = (geo: Geo) => ({ geo, entities: [], claims: [], scopes: [], env: [], files: [] });

/** The refs an apply touched, and the groups whose members' configuration it touched. */
function touched(plan: Plan): { refs: Set<string>; controlPlanes: Set<string> } {
  const refs = new Set<string>();
  const controlPlanes = new Set<string>();
  for (const op of plan.operations) {
    if (op.action === 'wait' || op.action === 'delete') continue;
    refs.add(`${op.kind}:${op.key}`);
    const cp = splitKey(kindOf(op.kind), op.key).controlPlane;
    if (cp !== undefined) controlPlanes.add(cp);
    if (op.kind === 'control_plane_membership' || op.kind === 'control_plane') controlPlanes.add(op.key);
  }
  return { refs, controlPlanes };
}

/** The plan's geo and every other geo it places a control plane in. */
function planGeos(plan: Plan): Geo[] {
  return [...new Set([plan.geo, ...Object.values(plan.controlPlaneGeos ?? {}), ...plan.operations.flatMap((op) => (op.geo ? [op.geo] : []))])];
}

/**
 * Reads the platform resources again after an apply (no gateway entities) and reports, for what the plan created or
 * changed: AWS networks' IAM role ARNs, custom domains' DNS records, and the group status of every group the apply
 * touched (its membership, or a member's configuration): Konnect reports conflicts between members only there.
 */
export async function afterApply(plan: Plan, api: KonnectApi): Promise<AfterApply | undefined> {
  const { refs, controlPlanes } = touched(plan);
  if (refs.size === 0) return undefined;
  const live = await readLiveState(api, { ...emptyDesired(plan.geo), geos: planGeos(plan) }, { everything: true, controlPlanes: [], schemaDefaults: false });
  const members = new Map<string, string[]>();
  for (const membership of live.entities.filter((e) => e.kind === 'control_plane_membership')) {
    members.set(membership.key, Array.isArray(membership.fields.members) ? membership.fields.members.map(String) : []);
  }
  const groups = [...members.entries()].filter(([group, names]) => controlPlanes.has(group) || names.some((name) => controlPlanes.has(name))).map(([group]) => `control_plane:${group}`);
  const only = new Set([...refs, ...groups]);
  const estate = await collectEstate(live, { api }, only);
  const notes: AfterApply = {
    networks: estate.networks.flatMap((n) => (n.iamRoleArn ? [{ name: n.name, iamRoleArn: n.iamRoleArn }] : [])),
    customDomains: estate.customDomains.filter((d) => d.records.length > 0).map((d) => ({ domain: d.domain, records: d.records })),
    groups: estate.groups,
  };
  return notes.networks.length + notes.customDomains.length + notes.groups.length > 0 ? notes : undefined;
}

export function renderAfterApply(notes: AfterApply): string {
  const lines: string[] = [];
  for (const n of notes.networks) lines.push(`Network ${n.name}: data planes assume IAM role ${n.iamRoleArn} (trust it in your AWS account to use AWS workload identity)`);
  for (const d of notes.customDomains) {
    lines.push(`Custom domain ${d.domain}: create these DNS records at your registrar:`);
    for (const r of d.records) lines.push(`  ${formatRecord(r)}`);
  }
  for (const g of notes.groups) {
    if (g.state !== 'CONFLICT') continue;
    lines.push(`Control plane group ${g.controlPlane}: CONFLICT`);
    for (const c of g.conflicts) lines.push(`  in ${c.member}: ${c.resource.type ?? 'entity'} ${c.resource.id ?? ''} ${c.description}`.trimEnd());
  }
  return lines.join('\n');
}
