import { keepReason, ownedIds } from '../diff/claims.js';
import { entityRef, localKey, type Entity } from '../model/entity.js';
import type { DesiredState, LiveState } from '../model/state.js';
import { kindOf } from '../kinds/registry.js';
import type { FindingList } from './finding.js';

/** /gateway/control-plane-groups/ via KONNECT-API.md §3: a control plane belongs to at most 5 groups. */
export const MAX_GROUPS_PER_CONTROL_PLANE = 5;

const memberNames = (membership: Entity): string[] =>
  Array.isArray(membership.fields.members) ? membership.fields.members.filter((m): m is string => typeof m === 'string') : [];

/** A member's gateway entities after the sync: desired ones, plus live ones the plan keeps (not claimed, or server-made). */
function entitiesAfterSync(desired: DesiredState, live: LiveState | undefined): Map<string, Entity[]> {
  const byPlane = new Map<string, Entity[]>();
  const add = (entity: Entity) => {
    if (entity.controlPlane === undefined) return;
    const list = byPlane.get(entity.controlPlane);
    if (list) list.push(entity);
    else byPlane.set(entity.controlPlane, [entity]);
  };
  desired.entities.forEach(add);
  if (live) {
    const wanted = new Set(desired.entities.map((entity) => entityRef(entity.kind, entity.key)));
    const ownership = { claims: desired.claims, lookedUp: new Set<string>(), owned: ownedIds(live.entities) };
    for (const entity of live.entities) {
      if (!wanted.has(entityRef(entity.kind, entity.key)) && keepReason(entity, ownership) !== undefined) add(entity);
    }
  }
  return byPlane;
}

/**
 * Control plane group rules (KONNECT-API.md §3): at most 5 groups per control plane, and no entity declared in two
 * members of one group ("duplicate entity names across members cause conflicts": compared by each kind's natural
 * key). Nesting and duplicate members are the membership's own check; ≤ 256 members the JSON Schema's. With live state
 * (diff/plan/sync), live entities the sync keeps and live memberships the files do not declare count too.
 */
export function checkControlPlaneGroups(desired: DesiredState, out: FindingList, live?: LiveState): void {
  const memberships = desired.entities.filter((entity) => entity.kind === 'control_plane_membership');
  const declared = new Set(memberships.map((membership) => membership.key));
  const liveMemberships = (live?.entities ?? []).filter((entity) => entity.kind === 'control_plane_membership' && !declared.has(entity.key));

  const groupsOf = new Map<string, string[]>();
  for (const membership of [...memberships, ...liveMemberships]) {
    for (const member of memberNames(membership)) {
      const groups = groupsOf.get(member);
      if (groups) groups.push(membership.key);
      else groupsOf.set(member, [membership.key]);
    }
  }
  // Once per control plane, at the last declared group that lists it (the one that breaks the limit).
  const lastDeclared = new Map<string, { membership: Entity; index: number }>();
  for (const membership of memberships) memberNames(membership).forEach((member, index) => lastDeclared.set(member, { membership, index }));
  for (const [member, { membership, index }] of lastDeclared) {
    const groups = groupsOf.get(member) ?? [];
    if (groups.length > MAX_GROUPS_PER_CONTROL_PLANE) {
      out.at(membership, ['members', index], 'error', 'group.max-groups', `control plane "${member}" is in ${groups.length} groups (${groups.join(', ')}); Konnect allows at most ${MAX_GROUPS_PER_CONTROL_PLANE}`);
    }
  }

  if (memberships.length === 0) return;
  const byPlane = entitiesAfterSync(desired, live);
  for (const membership of memberships) {
    const firstDeclarer = new Map<string, { member: string; entity: Entity }>();
    for (const member of memberNames(membership)) {
      for (const entity of byPlane.get(member) ?? []) {
        const identity = `${entity.kind}:${localKey(entity)}`;
        const first = firstDeclarer.get(identity);
        if (first === undefined) {
          firstDeclarer.set(identity, { member, entity });
          continue;
        }
        if (first.member === member) continue;
        const what = `${kindOf(entity.kind).title} "${localKey(entity)}"`;
        const where = entity.source ? 'declared' : 'live';
        const other = first.entity.source ? `declared in "${first.member}" at ${first.entity.source.file}:${first.entity.source.line}` : `live in "${first.member}"`;
        const message = `${what} (${where} in "${member}") is also ${other}: both are members of group "${membership.key}", whose configuration goes to CONFLICT`;
        out.at(entity.source ? entity : membership, entity.source ? [] : ['members'], 'warning', 'group.conflict', message, 'keep shared entities in one member, or give them different names');
      }
    }
  }
}
