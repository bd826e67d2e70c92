// Ownership: which live entities a sync may delete (docs/DESIGN.md "Ownership").
import { entityRef, type Entity, type EntityRef } from '../model/entity.js';
import type { Claim } from '../model/state.js';
import { kindOf } from '../kinds/registry.js';

export interface Ownership {
  claims: readonly Claim[];
  /** Live entities only referenced (lookup tags, unclaimed platform resources). */
  lookedUp: ReadonlySet<EntityRef>;
  /** `kind|id` of entities another live entity brings with it (`descriptor.owns`). */
  owned: ReadonlySet<string>;
}

/** `kind|id` of every server-created entity that a live entity owns (a custom domain's certificate and SNI). */
export function ownedIds(live: readonly Entity[]): Set<string> {
  const out = new Set<string>();
  for (const entity of live) {
    const owns = kindOf(entity.kind).owns;
    if (!owns || !entity.raw) continue;
    for (const item of owns(entity.raw)) out.add(`${item.kind}|${item.id}`);
  }
  return out;
}

/** Whether `entity` carries every one of `tags` (select tags, lookup tags). */
export function hasTags(entity: Entity, tags: readonly string[]): boolean {
  const held = Array.isArray(entity.fields.tags) ? entity.fields.tags : [];
  return tags.every((tag) => held.includes(tag));
}

export function covers(claim: Claim, entity: Entity): boolean {
  if (claim.kind !== entity.kind) return false;
  if (claim.controlPlane !== undefined && claim.controlPlane !== entity.controlPlane) return false;
  const parent = kindOf(entity.kind).parent;
  if (claim.parent !== undefined && (parent === undefined || entity.fields[parent.field] !== claim.parent)) return false;
  return hasTags(entity, claim.selectTags ?? []);
}

/** Why a live entity that is not desired must stay, or undefined when the plan deletes it. */
export function keepReason(entity: Entity, ownership: Ownership): string | undefined {
  const descriptor = kindOf(entity.kind);
  if (descriptor.readOnly) return 'read-only kind';
  if (entity.raw && descriptor.serverManaged?.(entity.raw)) return 'made by Konnect';
  if (entity.id !== undefined && ownership.owned.has(`${entity.kind}|${entity.id}`)) return 'owned by another resource';
  if (ownership.lookedUp.has(entityRef(entity.kind, entity.key))) return 'referenced through lookup';
  if (!ownership.claims.some((claim) => covers(claim, entity))) return 'not claimed';
  return undefined;
}
