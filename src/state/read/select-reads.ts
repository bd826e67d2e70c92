import type { DesiredState } from '../../model/state.js';
import type { KindName } from '../../kinds/kind-names.js';
import { ALL_KINDS, GATEWAY_KINDS, PLATFORM_KINDS, kindOf } from '../../kinds/registry.js';
import { getAll } from '../../model/paths.js';
import { CONTROL_PLANE_KIND } from '../../kinds/control-plane-kind.js';
import type { ReadOptions } from './index.js';

/** What a read must fetch, worked out from the desired state and the descriptors alone (no kind names). */
export interface ReadSelection {
  /** Org-level kinds to read (in KIND_NAMES order). */
  orgKinds: KindName[];
  /**
   * For org kinds listed under a parent: the parents' local keys whose children are read; `'all'` for every parent.
   * Parents are still checked against `parentFilter`.
   */
  parents: Map<KindName, Set<string> | 'all'>;
  /** Control planes whose gateway entities are read; `'all'` for every live control plane. */
  controlPlanes: Set<string> | 'all';
}

/** Kinds always read: the lookups every reference to them needs (provider accounts, control planes). */
const ALWAYS: KindName[] = [...PLATFORM_KINDS.filter((kind) => kind.readOnly).map((kind) => kind.kind), CONTROL_PLANE_KIND];

export function selectReads(desired: DesiredState, options: ReadOptions): ReadSelection {
  if (options.everything) {
    const parents = new Map<KindName, Set<string> | 'all'>();
    for (const kind of PLATFORM_KINDS) if (kind.parent) parents.set(kind.kind, 'all');
    return {
      orgKinds: PLATFORM_KINDS.map((kind) => kind.kind),
      parents,
      controlPlanes: options.controlPlanes ? new Set(options.controlPlanes) : 'all',
    };
  }
  const controlPlanes = new Set(desired.scopes.map((scope) => scope.controlPlane));
  for (const entity of desired.entities) if (entity.controlPlane !== undefined) controlPlanes.add(entity.controlPlane);

  const wanted = new Set<KindName>(ALWAYS);
  for (const entity of desired.entities) if (kindOf(entity.kind).scope === 'org') wanted.add(entity.kind);
  for (const claim of desired.claims) if (kindOf(claim.kind).scope === 'org') wanted.add(claim.kind);
  // Server-made gateway entities are known by the org resources that own them (custom domains): read those too.
  if (controlPlanes.size > 0) for (const kind of PLATFORM_KINDS) if (kind.owns) wanted.add(kind.kind);
  // Close over references and parents: a network needs its provider account to be decoded.
  for (let round = 0; round < ALL_KINDS.length; round++) {
    const before = wanted.size;
    for (const name of [...wanted]) {
      const kind = kindOf(name);
      for (const ref of kind.refs) if (kindOf(ref.kind).scope === 'org') wanted.add(ref.kind);
      if (kind.parent) wanted.add(kind.parent.kind);
    }
    if (wanted.size === before) break;
  }

  const parents = new Map<KindName, Set<string> | 'all'>();
  for (const kind of PLATFORM_KINDS) {
    if (!kind.parent || (!wanted.has(kind.kind) && !wanted.has(kind.parent.kind))) continue;
    const keys = new Set<string>();
    for (const entity of desired.entities) {
      if (entity.kind === kind.parent.kind) keys.add(entity.key);
      if (entity.kind === kind.kind) for (const value of getAll(entity.fields, kind.parent.field)) if (typeof value === 'string') keys.add(value);
    }
    if (keys.size > 0) {
      parents.set(kind.kind, keys);
      wanted.add(kind.kind);
    }
  }
  const orgKinds = PLATFORM_KINDS.map((kind) => kind.kind).filter((name) => wanted.has(name));
  return { orgKinds, parents, controlPlanes };
}

/** Gateway kinds in dependency order: every one is read for a control plane (see index.ts for the trade-off). */
export const GATEWAY_KIND_NAMES: KindName[] = GATEWAY_KINDS.map((kind) => kind.kind);
