// Reference resolution: every desired reference must hit a desired entity, or a live one the rules allow.
import { entityRef, localKey, scopedKey, type Entity, type EntityRef } from '../model/entity.js';
import { cloneJson, type Json } from '../model/json.js';
import { updateAll } from '../model/paths.js';
import { someAt } from './json-tools.js';
import type { Claim, GatewayScope } from '../model/state.js';
import { PlanError, type FileLocation } from '../errors.js';
import { kindOf, type KindName } from '../kinds/registry.js';
import { suggestName } from '../model/suggest.js';
import { allRefs, SCOPE_PATH, type HeldRef, type ImplicitScope } from './entity-refs.js';
import { covers, hasTags, keepReason } from './claims.js';
import type { OwnershipView } from './ownership.js';

const ID_PREFIX = 'id:';
const isIdRef = (value: Json): boolean => typeof value === 'string' && value.startsWith(ID_PREFIX);

/**
 * `id:<uuid>` references written in files become the natural key of the entity with that id (a desired entity that
 * pins it, else a live one); the entity's own key is recomputed (a plugin keyed `…|service=id:…` becomes
 * `…|service=orders`). Inputs are not mutated.
 */
export function mapIdRefs(desired: readonly Entity[], live: readonly Entity[], viaId?: Set<EntityRef>): Entity[] {
  let byId: Map<string, Entity> | undefined;
  const find = (kind: KindName, controlPlane: string | undefined, id: string): Entity | undefined => {
    if (!byId) {
      byId = new Map();
      for (const entity of [...live, ...desired]) if (entity.id) byId.set(`${entity.kind}|${entity.controlPlane ?? ''}|${entity.id}`, entity);
    }
    const scoped = kindOf(kind).scope === 'control_plane' ? controlPlane ?? '' : '';
    return byId.get(`${kind}|${scoped}|${id}`);
  };
  return desired.map((entity) => {
    const specs = kindOf(entity.kind).refs;
    const hasId = specs.some((spec) => someAt(entity.fields, spec.path, isIdRef));
    if (!hasId) return entity;
    const fields = cloneJson(entity.fields);
    for (const spec of specs) {
      updateAll(fields, spec.path, (value) => {
        if (typeof value !== 'string' || !value.startsWith(ID_PREFIX)) return value;
        const target = find(spec.kind, entity.controlPlane, value.slice(ID_PREFIX.length));
        if (target) viaId?.add(entityRef(target.kind, target.key));
        return target ? localKey(target) : value;
      });
    }
    const local = kindOf(entity.kind).identity(fields, entity.id);
    return { ...entity, fields, key: local === undefined ? entity.key : scopedKey(entity.controlPlane, local) };
  });
}

export interface Resolution {
  /** Live entities that satisfied a reference without being desired: never updated or deleted. */
  lookedUp: Set<EntityRef>;
  warnings: string[];
}

export interface ResolveInput {
  desired: readonly Entity[];
  desiredIndex: ReadonlyMap<EntityRef, Entity>;
  liveIndex: ReadonlyMap<EntityRef, Entity>;
  scopes: readonly GatewayScope[];
  claims: readonly Claim[];
  implicit: ImplicitScope;
  /** Who this state is: a claimed platform resource another state manages is not deleted, so it may be referenced. */
  view?: OwnershipView;
  /** Live entities that a desired reference named by id (`id:<uuid>`, see `mapIdRefs`). */
  viaId?: ReadonlySet<EntityRef>;
  /** allRefs of each desired entity, by position, when worked out ahead. */
  refs?: ReadonlyArray<readonly HeldRef[]>;
}

/** The file position of a desired entity, for PlanError annotations. */
export function blameOf(entity: Entity): FileLocation | undefined {
  return entity.source ? { file: entity.source.file, line: entity.source.line, column: entity.source.column } : undefined;
}

export function where(entity: Entity): string {
  return entity.source ? `${entity.source.file}:${entity.source.line}` : `${entity.kind}:${entity.key}`;
}

/** Checks every reference of every desired entity; throws PlanError naming both ends of the first that fails. */
export function resolveReferences(input: ResolveInput): Resolution {
  const claimedKinds = new Set(input.claims.map((claim) => claim.kind));
  // Kept whatever the files say (not this state's, or not claimed): referenced as it is.
  const kept = (live: Entity) =>
    !claimedKinds.has(live.kind) || (input.view !== undefined && keepReason(live, { claims: input.claims, lookedUp: new Set(), owned: new Set(), view: input.view }) !== undefined);
  const scopes = new Map(input.scopes.map((scope) => [scope.controlPlane, scope]));
  const lookedUp = new Set<EntityRef>();
  const warnings: string[] = [];
  for (let i = 0; i < input.desired.length; i++) {
    const entity = input.desired[i]!;
    for (const held of input.refs?.[i] ?? allRefs(entity, input.implicit)) {
      if (input.desiredIndex.has(held.ref)) continue;
      const live = input.liveIndex.get(held.ref);
      const target = kindOf(held.kind);
      if (live && target.readOnly) continue;
      const lookupTags = held.lookup ? scopes.get(entity.controlPlane ?? '')?.lookupTags[held.lookup] : undefined;
      if (live && lookupTags && hasTags(live, lookupTags)) {
        if (!lookedUp.has(held.ref)) warnings.push(`${target.title} ${live.key} resolved from live state through default_lookup_tags (${held.lookup})`);
        lookedUp.add(held.ref);
        continue;
      }
      // A platform resource the files do not claim, or that another state manages, is left alone: referenced as it is.
      if (live && target.scope === 'org' && kept(live)) {
        lookedUp.add(held.ref);
        continue;
      }
      // decK resolves a foreign key written as an id against Konnect: fine while no claim would delete the target
      // (outside the file's select tags).
      if (live && input.viaId?.has(held.ref) && !input.claims.some((claim) => covers(claim, live))) {
        lookedUp.add(held.ref);
        continue;
      }
      throw unresolved(entity, held, live !== undefined, lookupTags, live ? [] : namesOf(held.kind, entity, input));
    }
  }
  return { lookedUp, warnings: warnings.sort() };
}

/** Local keys of the entities of `kind`, desired or live, that `referrer` could reference (same control plane). */
function namesOf(kind: KindName, referrer: Entity, input: ResolveInput): string[] {
  const scoped = kindOf(kind).scope === 'control_plane';
  const names = new Set<string>();
  for (const index of [input.desiredIndex, input.liveIndex]) {
    for (const entity of index.values()) {
      if (entity.kind === kind && (!scoped || entity.controlPlane === referrer.controlPlane)) names.add(localKey(entity));
    }
  }
  return [...names];
}

function unresolved(entity: Entity, held: HeldRef, liveExists: boolean, lookupTags: string[] | undefined, known: string[]): PlanError {
  const target = kindOf(held.kind);
  const suggestion = suggestName(held.value, known);
  const typo = suggestion !== undefined ? ` (did you mean "${suggestion}"?)` : '';
  if (held.path === SCOPE_PATH && !liveExists) {
    return new PlanError(
      `${where(entity)}: ${kindOf(entity.kind).title} ${entity.key} belongs to ${target.title} "${held.value}", which is neither in the desired state nor in Konnect${typo}. ` +
        `Name the control plane of its file with _konnect.control_plane_name (a file that names none is for "default", as in decK), ` +
        'or pass --konnect-control-plane-name NAME for such files, or declare it under control_planes',
      blameOf(entity),
    );
  }
  const why = liveExists
    ? lookupTags
      ? `it exists in Konnect but lacks the lookup tags [${lookupTags.join(', ')}]`
      : held.lookup
        ? `it exists in Konnect but is not in the desired state; add it, or set _info.default_lookup_tags.${held.lookup}`
        : 'it exists in Konnect but is not in the desired state, which would delete it'
    : `it is neither in the desired state nor in Konnect${typo}`;
  return new PlanError(
    `${where(entity)}: ${kindOf(entity.kind).title} ${entity.key} references ${target.title} "${held.value}" (${held.ref}, at ${held.path}): ${why}`,
    blameOf(entity),
  );
}
