import { isJsonObject, type Json, type JsonObject } from '../model/json.js';
import type { Plan } from '../model/plan.js';
import type { Geo } from '../model/state.js';
import type { KonnectApi } from '../konnect/types.js';
import { KINDS, kindOf, type KindName } from '../kinds/registry.js';
import { parseEntityRef } from '../model/entity.js';
import { UnresolvedIdError } from './errors.js';
import { NaturalKeyLookup, type IdDirectory, type LookupHit } from './lookup.js';
import { splitKey } from './split-key.js';

/** `{$id:kind:key}` in request paths. */
const PATH_PLACEHOLDER = /\{\$id:([^}]+)\}/g;

export interface ResolveOptions {
  signal?: AbortSignal;
}

/**
 * Server ids of the entities a plan names, by `kind:key`. Known ids come from the plan's live fingerprints and from
 * create responses (`captures`); anything else is looked up by natural key through the API, once, and cached.
 * Apply's stale-plan check uses the same resolver, so each entity is looked up at most once per apply.
 */
export interface IdResolver {
  /** The id when already known, without I/O. */
  known(ref: string): string | undefined;
  /** The id, looked up by natural key when not known. Throws UnresolvedIdError when Konnect has no such entity. */
  resolve(ref: string): Promise<string>;
  /** Records an id (a create's response, a lookup's hit). */
  record(ref: string, id: string): void;
  /** Forgets an id (the entity was deleted). */
  forget(ref: string): void;
  /** Looks the entity up by natural key; `fresh` skips the cache (recovering a create whose response was lost). */
  lookup(ref: string, options?: { fresh?: boolean; listing?: boolean }): Promise<LookupHit | undefined>;
  /** Every object at a filled list path of `kind` (in `geo`): one listing per resolver, shared with the lookups. */
  list(kind: KindName, listPath: string, geo?: Geo): Promise<JsonObject[]>;
  /** Replaces every `{$id:kind:key}` in a request path. */
  renderPath(path: string): Promise<string>;
  /** Replaces every `{"$id": "kind:key"}` object in a body by the id string (a copy). */
  renderBody(body: JsonObject): Promise<JsonObject>;
}

/** Builds the resolver for a plan: pre-resolved from each operation's fingerprint (`op.fingerprint.id`). */
export function resolveIds(plan: Plan, api: KonnectApi, options: ResolveOptions = {}): IdResolver {
  const resolver = new PlanIdResolver(api, plan, options.signal);
  for (const op of plan.operations) {
    if (op.fingerprint?.id && op.action !== 'wait') resolver.record(`${op.kind}:${op.key}`, op.fingerprint.id);
  }
  return resolver;
}

class PlanIdResolver implements IdResolver, IdDirectory {
  private readonly ids = new Map<string, string>();
  /** `kind:id` → local key, for decoding looked-up objects. */
  private readonly keys = new Map<string, string>();
  private readonly lookups: NaturalKeyLookup;

  constructor(api: KonnectApi, plan: Pick<Plan, 'geo' | 'controlPlaneGeos'>, signal?: AbortSignal) {
    this.lookups = new NaturalKeyLookup(api, this, plan.geo, signal, plan.controlPlaneGeos);
  }

  known(ref: string): string | undefined {
    const pinned = pinnedId(ref);
    return pinned ?? this.ids.get(ref);
  }

  async resolve(ref: string): Promise<string> {
    if (!isKnownKind(parseEntityRef(ref).kind)) throw new UnresolvedIdError(ref, 'unknown kind');
    const known = this.known(ref);
    if (known !== undefined) return known;
    const hit = await this.lookups.find(ref);
    if (!hit) throw new UnresolvedIdError(ref);
    return hit.id;
  }

  record(ref: string, id: string): void {
    const { kind, key } = parseEntityRef(ref);
    if (!isKnownKind(kind)) return;
    this.ids.set(ref, id);
    this.keys.set(`${kind}:${id}`, splitKey(kindOf(kind), key).local);
  }

  forget(ref: string): void {
    const id = this.ids.get(ref);
    this.ids.delete(ref);
    if (id !== undefined) this.keys.delete(`${parseEntityRef(ref).kind}:${id}`);
  }

  keyOf(kind: KindName, id: string): string | undefined {
    return this.keys.get(`${kind}:${id}`);
  }

  lookup(ref: string, options: { fresh?: boolean; listing?: boolean } = {}): Promise<LookupHit | undefined> {
    return this.lookups.find(ref, options);
  }

  list(kind: KindName, listPath: string, geo?: Geo): Promise<JsonObject[]> {
    return this.lookups.list(kind, listPath, geo);
  }

  async renderPath(path: string): Promise<string> {
    const refs = [...new Set([...path.matchAll(PATH_PLACEHOLDER)].map((match) => match[1]!))];
    const ids = new Map<string, string>();
    for (const ref of refs) ids.set(ref, await this.resolve(ref));
    return path.replace(PATH_PLACEHOLDER, (_slot, ref: string) => encodeURIComponent(ids.get(ref)!));
  }

  async renderBody(body: JsonObject): Promise<JsonObject> {
    const refs = new Set<string>();
    collectBodyRefs(body, refs);
    const ids = new Map<string, string>();
    for (const ref of [...refs].sort()) ids.set(ref, await this.resolve(ref));
    return replaceBodyRefs(body, ids) as JsonObject;
  }
}

/** A key whose local part is `id:<uuid>` (a live id konsync could not map to a key) names its id directly. */
function pinnedId(ref: string): string | undefined {
  const { kind, key } = parseEntityRef(ref);
  if (!isKnownKind(kind)) return undefined;
  const { local } = splitKey(kindOf(kind), key);
  return local.startsWith('id:') ? local.slice(3) : undefined;
}

function placeholderRef(value: JsonObject): string | undefined {
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === '$id' && typeof value.$id === 'string' ? value.$id : undefined;
}

function collectBodyRefs(value: Json, refs: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectBodyRefs(item, refs);
  } else if (isJsonObject(value)) {
    const ref = placeholderRef(value);
    if (ref !== undefined) refs.add(ref);
    else for (const item of Object.values(value)) collectBodyRefs(item, refs);
  }
}

function replaceBodyRefs(value: Json, ids: ReadonlyMap<string, string>): Json {
  if (Array.isArray(value)) return value.map((item) => replaceBodyRefs(item, ids));
  if (!isJsonObject(value)) return value;
  const ref = placeholderRef(value);
  if (ref !== undefined) return ids.get(ref)!;
  const out: JsonObject = {};
  for (const [key, item] of Object.entries(value)) out[key] = replaceBodyRefs(item, ids);
  return out;
}

function isKnownKind(kind: string): kind is KindName {
  return Object.hasOwn(KINDS, kind);
}
