import type { Entity } from '../model/entity.js';
import type { DesiredState, LiveState } from '../model/state.js';
import { kindOf } from '../kinds/registry.js';
import type { KindName } from '../kinds/kind-names.js';

/** Belongs to a skipped kind: listed under one (credentials, memberships) or scoped to one (a consumer's plugin). */
function hangsOn(entity: Entity, roots: readonly KindName[]): boolean {
  const descriptor = kindOf(entity.kind);
  if (descriptor.parent && roots.includes(descriptor.parent.kind)) return true;
  // Single-valued references only: a service's `ca_certificates[]` uses CA certificates, it does not belong to them.
  return descriptor.refs.some((ref) => roots.includes(ref.kind) && !ref.path.includes('[]') && entity.fields[ref.path] != null);
}

/**
 * decK's `--skip-consumers` / `--skip-ca-certificates` on the files' side: entities of the `roots` kinds and those that
 * belong to them are not desired, and no claim covers those kinds any more, so what Konnect holds of them stays.
 */
export function skipInDesired(state: DesiredState, roots: readonly KindName[]): DesiredState {
  if (roots.length === 0) return state;
  const unclaimed = (kind: KindName) => roots.includes(kind) || (kindOf(kind).parent !== undefined && roots.includes(kindOf(kind).parent!.kind));
  return {
    ...state,
    entities: state.entities.filter((entity) => !roots.includes(entity.kind) && !hangsOn(entity, roots)),
    claims: state.claims.filter((claim) => !unclaimed(claim.kind)),
  };
}

/**
 * The same on Konnect's side: entities that belong to a skipped kind through a kind still claimed (a consumer's plugin
 * under the plugins claim) are left out, so they are not deleted. The skipped kinds themselves stay readable, so
 * references to them still resolve.
 */
export function skipInLive(state: LiveState, roots: readonly KindName[]): LiveState {
  if (roots.length === 0) return state;
  return { ...state, entities: state.entities.filter((entity) => roots.includes(entity.kind) || !hangsOn(entity, roots) || kindOf(entity.kind).parent !== undefined) };
}

/** Every entity of the `roots` kinds and those that belong to them: what a `--skip-*` dump leaves out. */
export function skipAll(entities: readonly Entity[], roots: readonly KindName[]): Entity[] {
  return entities.filter((entity) => !roots.includes(entity.kind) && !hangsOn(entity, roots));
}
