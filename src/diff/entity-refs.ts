// The references one entity holds, as full `kind:key` refs, from its descriptor.
import { entityRef, scopedKey, type Entity, type EntityRef } from '../model/entity.js';
import { getAll } from '../model/paths.js';
import type { LookupSection } from '../model/state.js';
import { kindOf, type KindName } from '../kinds/registry.js';

/** The kind whose id `{controlPlaneId}` stands for: every control-plane-scoped entity depends on it. */
export const CONTROL_PLANE_KIND: KindName = 'control_plane';

/** The path of the reference every control-plane-scoped entity holds to its control plane. */
export const SCOPE_PATH = '(scope)';

export interface HeldRef {
  /** `kind:fullKey` of the target. */
  ref: EntityRef;
  kind: KindName;
  /** The value as written (local key). */
  value: string;
  /** Model path it was found at; `(implicit)` / `(scope)` for references no field holds. */
  path: string;
  needsReady: boolean;
  lookup?: LookupSection;
}

/** Full key of a reference target: control-plane-scoped kinds are prefixed with the referrer's control plane. */
export function targetKey(kind: KindName, controlPlane: string | undefined, value: string): string {
  return kindOf(kind).scope === 'control_plane' ? scopedKey(controlPlane, value) : value;
}

/** References written in fields (descriptor.refs). Values still in `id:<uuid>` form are included as written. */
function fieldRefs(entity: Entity): HeldRef[] {
  const out: HeldRef[] = [];
  for (const spec of kindOf(entity.kind).refs) {
    for (const value of getAll(entity.fields, spec.path)) {
      if (typeof value !== 'string' || value === '') continue;
      const key = targetKey(spec.kind, entity.controlPlane, value);
      const held: HeldRef = { ref: entityRef(spec.kind, key), kind: spec.kind, value, path: spec.path, needsReady: spec.needsReady === true };
      if (spec.lookup) held.lookup = spec.lookup;
      out.push(held);
    }
  }
  return out;
}

/** Entities an implicitRefs hook may read, per kind: only the kinds it declares (all when it declares none). */
export type ImplicitScope = (kind: KindName) => readonly Entity[];

/** `control_plane:<name>`, one string per control plane: every gateway entity holds one, and it is looked up hashed. */
const scopeRefs = new Map<string, EntityRef>();
const MAX_SCOPE_REFS = 10_000;
function scopeRef(controlPlane: string): EntityRef {
  let ref = scopeRefs.get(controlPlane);
  if (ref === undefined) {
    ref = entityRef(CONTROL_PLANE_KIND, controlPlane);
    if (scopeRefs.size < MAX_SCOPE_REFS) scopeRefs.set(controlPlane, ref);
  }
  return ref;
}

/** Every reference: fields, implicitRefs, and the control plane a scoped entity lives in. */
export function allRefs(entity: Entity, scope: ImplicitScope): HeldRef[] {
  const descriptor = kindOf(entity.kind);
  const out = fieldRefs(entity);
  if (descriptor.implicitRefs) {
    for (const target of descriptor.implicitRefs(entity, scope(entity.kind))) {
      out.push({ ref: entityRef(target.kind, target.key), kind: target.kind, value: target.key, path: '(implicit)', needsReady: target.needsReady === true });
    }
  }
  if (descriptor.scope === 'control_plane' && entity.controlPlane !== undefined) {
    out.push({ ref: scopeRef(entity.controlPlane), kind: CONTROL_PLANE_KIND, value: entity.controlPlane, path: SCOPE_PATH, needsReady: false });
  }
  return out;
}

/** An ImplicitScope over `entities`, built once: each hook sees only the kinds it reads. */
export function implicitScope(entities: readonly Entity[]): ImplicitScope {
  const byKind = new Map<KindName, Entity[]>();
  for (const entity of entities) {
    const list = byKind.get(entity.kind);
    if (list) list.push(entity);
    else byKind.set(entity.kind, [entity]);
  }
  const cache = new Map<KindName, readonly Entity[]>();
  return (kind) => {
    let seen = cache.get(kind);
    if (!seen) {
      const reads = kindOf(kind).implicitRefsReads;
      seen = reads ? reads.flatMap((read) => byKind.get(read) ?? []) : entities;
      cache.set(kind, seen);
    }
    return seen;
  };
}
