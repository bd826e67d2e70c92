// Ownership: which live entities a sync may delete (docs/DESIGN.md "Ownership").
import { entityRef, type Entity, type EntityRef } from '../model/entity.js';
import type { Claim } from '../model/state.js';
import { kindOf } from '../kinds/registry.js';
import { notOwnedReason, type OwnershipView } from './ownership.js';
import { DERIVED_TAG } from '../model/ownership.js';

export interface Ownership {
  claims: readonly Claim[];
  /** Live entities only referenced (lookup tags, unclaimed platform resources). */
  lookedUp: ReadonlySet<EntityRef>;
  /** `kind|id` of entities another live entity brings with it (`descriptor.owns`). */
  owned: ReadonlySet<string>;
  /** Who this state is and what it declares: platform resources are deleted only when this state owns them. */
  view?: OwnershipView;
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
  if (claim.key !== undefined && claim.key !== entity.key) return false;
  const parent = kindOf(entity.kind).parent;
  if (claim.parent !== undefined && (parent === undefined || entity.fields[parent.field] !== claim.parent)) return false;
  // A derived entity is the deriving state's: another state's gateway file does not delete it.
  if (hasTags(entity, [DERIVED_TAG]) && !(claim.selectTags ?? []).includes(DERIVED_TAG)) return false;
  return hasTags(entity, claim.selectTags ?? []);
}

/** Why a live entity that is not desired must stay, or undefined when the plan deletes it. */
export function keepReason(entity: Entity, ownership: Ownership): string | undefined {
  const descriptor = kindOf(entity.kind);
  if (descriptor.readOnly) return 'read-only kind';
  if (entity.raw && descriptor.serverManaged?.(entity.raw)) return 'made by Konnect';
  if (entity.id !== undefined && ownership.owned.has(`${entity.kind}|${entity.id}`)) return 'owned by another resource';
  if (ownership.lookedUp.has(entityRef(entity.kind, entity.key))) return 'referenced through lookup';
  const covering = ownership.claims.filter((claim) => covers(claim, entity));
  if (covering.length === 0) return 'not claimed';
  // An `absent: true` entry names the entity itself: that is the proof of ownership Konnect cannot hold for it.
  if (descriptor.scope === 'org' && ownership.view && !covering.some((claim) => claim.key !== undefined)) {
    return notOwnedReason(entity, ownership.view);
  }
  return undefined;
}
