// Who manages a platform resource, and what is protected: the rules of README "Ownership". Pure.
import { entityRef, type Entity, type EntityRef } from '../model/entity.js';
import { isJsonObject } from '../model/json.js';
import { getAll } from '../model/paths.js';
import { DEFAULT_OWNER, OWNER_LABEL, PROTECTED_LABEL } from '../model/ownership.js';
import { kindOf } from '../kinds/registry.js';
import { CONTROL_PLANE_KIND } from '../kinds/control-plane-kind.js';

export interface OwnershipView {
  /** This state's owner. */
  owner: string;
  desired: ReadonlyMap<EntityRef, Entity>;
  live: ReadonlyMap<EntityRef, Entity>;
}

/**
 * What Konnect records about who manages an entity, found on the entity itself (its labels) or on what it belongs to.
 * `owner`: the recorded owner, `null` when the entity could carry one but has none, `undefined` when Konnect keeps no
 * place for one (networks). `root`: the entity the record was read from.
 */
export interface Recorded {
  owner: string | null | undefined;
  protected: boolean;
  root?: Entity;
}

export function stateOwner(owner: string | undefined): string {
  return owner ?? DEFAULT_OWNER;
}

/** The entities `entity` belongs to: its parent, the targets of its `owner` references, a gateway entity's control plane. */
export function belongsTo(entity: Entity): EntityRef[] {
  const descriptor = kindOf(entity.kind);
  const out: EntityRef[] = [];
  if (entity.controlPlane !== undefined) out.push(entityRef(CONTROL_PLANE_KIND, entity.controlPlane));
  if (descriptor.parent) {
    const value = entity.fields[descriptor.parent.field];
    if (typeof value === 'string') out.push(entityRef(descriptor.parent.kind, value));
  }
  for (const ref of descriptor.refs) {
    if (!ref.owner) continue;
    for (const value of getAll(entity.fields, ref.path)) if (typeof value === 'string') out.push(entityRef(ref.kind, value));
  }
  return out;
}

/** The owner and protection an entity's own labels record (kinds with `labels`), else undefined. */
function fromLabels(entity: Entity): Recorded | undefined {
  const field = kindOf(entity.kind).labels;
  if (field === undefined) return undefined;
  const labels = entity.fields[field];
  const map = isJsonObject(labels) ? labels : {};
  const owner = map[OWNER_LABEL];
  return { owner: typeof owner === 'string' ? owner : null, protected: map[PROTECTED_LABEL] === 'true', root: entity };
}

/** The owner an entity's own labels record: null when none, undefined when its kind keeps no labels. */
export function labelledOwner(entity: Entity): string | null | undefined {
  return fromLabels(entity)?.owner;
}

/** What live state records for `entity` (a live entity), following what it belongs to through live state. */
export function recordedInLive(entity: Entity, live: ReadonlyMap<EntityRef, Entity>, depth = 0): Recorded {
  const own = fromLabels(entity);
  if (own) return own;
  // The belongs-to graph is shallow (gateway entity → control plane; transit gateway → network): bounded anyway.
  if (depth < 8) {
    for (const ref of belongsTo(entity)) {
      const target = live.get(ref);
      if (target) return recordedInLive(target, live, depth + 1);
    }
  }
  return { owner: undefined, protected: false };
}

/**
 * Who a live entity that the files no longer declare belongs to, for deciding whether this state may delete it: an
 * entity belonging to something this state declares is this state's (conflicts on the declared one are reported
 * on their own); otherwise what live state records.
 */
export function ownerForDelete(entity: Entity, view: OwnershipView): Recorded {
  const own = fromLabels(entity);
  if (own) return own;
  for (const ref of belongsTo(entity)) {
    const declared = view.desired.get(ref);
    if (declared) return { owner: view.owner, protected: declared.intent?.protected === true || liveProtected(ref, view), root: declared };
    const target = view.live.get(ref);
    if (target) return recordedInLive(target, view.live);
  }
  return { owner: undefined, protected: false };
}

function liveProtected(ref: EntityRef, view: OwnershipView): boolean {
  const live = view.live.get(ref);
  return live !== undefined && recordedInLive(live, view.live).protected;
}

/** Why this state may not delete `entity` (not declared, covered by a claim), or undefined when it may. */
export function notOwnedReason(entity: Entity, view: OwnershipView): string | undefined {
  const recorded = ownerForDelete(entity, view);
  if (recorded.owner === undefined) return 'Konnect records no owner for it: mark it `absent: true` in the files to delete it';
  if (recorded.owner === null) return `no konsync owner is recorded on ${describe(recorded.root)}`;
  if (recorded.owner !== view.owner) return `managed by owner "${recorded.owner}"`;
  return undefined;
}

/**
 * Why this state may not change or create `desired` (live counterpart `live`, if any): it, or what it belongs to, is
 * managed by another owner, or exists with no owner and is not adopted. Undefined when it may.
 */
export function changeConflict(desired: Entity, live: Entity | undefined, view: OwnershipView): string | undefined {
  const descriptor = kindOf(desired.kind);
  if (descriptor.scope !== 'org') return undefined;
  if (descriptor.labels !== undefined) {
    if (!live) return undefined;
    const recorded = fromLabels(live)!;
    if (recorded.owner === view.owner) return undefined;
    if (recorded.owner === null) {
      return desired.intent?.adopt === true
        ? undefined
        : `${descriptor.title} ${desired.key} exists in Konnect and no konsync state owns it; to manage it from this state, add \`adopt: true\` to it`;
    }
    return `${descriptor.title} ${desired.key} is managed by owner "${recorded.owner}", not "${view.owner}": a resource another state manages is never changed`;
  }
  for (const ref of belongsTo(desired)) {
    if (view.desired.has(ref)) return undefined;
    const target = view.live.get(ref);
    if (!target) continue;
    const recorded = recordedInLive(target, view.live);
    if (recorded.owner === undefined || recorded.owner === view.owner) return undefined;
    const title = `${descriptor.title} ${desired.key}`;
    if (recorded.owner === null) return `${title} belongs to ${describe(recorded.root)}, which no konsync state owns: declare it here with \`adopt: true\``;
    return `${title} belongs to ${describe(recorded.root)}, managed by owner "${recorded.owner}": declare it in that state instead`;
  }
  return undefined;
}

/** Whether deleting or replacing the live `entity` is forbidden by a `protected` flag (its own or what it belongs to). */
export function isProtected(desired: Entity | undefined, live: Entity | undefined, view: OwnershipView): boolean {
  if (desired?.intent?.protected === true) return true;
  if (!live) return false;
  if (recordedInLive(live, view.live).protected) return true;
  return belongsTo(live).some((ref) => view.desired.get(ref)?.intent?.protected === true);
}

function describe(entity: Entity | undefined): string {
  return entity ? `${kindOf(entity.kind).title} ${entity.key}` : 'it';
}
