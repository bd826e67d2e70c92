import type { JsonObject } from '../model/json.js';
import type { Geo } from '../model/state.js';
import type { KonnectApi } from '../konnect/types.js';
import type { KindDescriptor } from '../kinds/descriptor.js';
import { kindOf, type KindName } from '../kinds/registry.js';
import { entityRef, parseEntityRef, scopedKey } from '../model/entity.js';
import { decodeLive } from '../kinds/decode-live.js';
import { fillPath } from '../kinds/path-template.js';
import { CONTROL_PLANE_KIND } from '../kinds/control-plane-kind.js';
import { splitKey } from './split-key.js';

/** Listings of the same path in two geos are two listings. */
const listingKey = (listPath: string, geo: Geo | undefined): string => (geo === undefined ? listPath : `${geo} ${listPath}`);

/** A live entity found by its natural key. */
export interface LookupHit {
  id: string;
  raw: JsonObject;
  /** Model fields, decoded as the reader does (absent for an aggregate's parent). */
  fields?: JsonObject;
}

/** What lookups need from the id resolver: ids of scopes and parents, and keys of ids met while decoding. */
export interface IdDirectory {
  resolve(ref: string): Promise<string>;
  /** Local key of the entity of `kind` with this id, when known. */
  keyOf(kind: KindName, id: string): string | undefined;
  record(ref: string, id: string): void;
}

interface Listed {
  id: string;
  /** Local key (without control plane). */
  key: string;
  raw: JsonObject;
  fields: JsonObject;
}

/** Where a kind's entities are listed: the list path with its control plane and parent filled in. */
interface Location {
  descriptor: KindDescriptor;
  /** The geo of a regional kind's listing outside the default geo. */
  geo?: Geo;
  controlPlane?: string;
  local: string;
  listPath: string;
  parentKey?: string;
  parentId?: string;
}

/**
 * Finds live entities by natural key through the kind's descriptor: `paths.list`, narrowed by `lookupQuery` where
 * the API supports a filter, matched by `identity(decode(raw))`. Results are cached: one request (or one listing of a
 * scope) per entity at most, unless `fresh` is asked for (recovering a create whose response was lost).
 */
export class NaturalKeyLookup {
  /** Raw listings by filled list path, shared with the stale check (`list`). */
  private readonly raws = new Map<string, Promise<JsonObject[]>>();
  private readonly listings = new Map<string, Promise<Listed[]>>();
  private readonly single = new Map<string, Promise<LookupHit | undefined>>();

  constructor(
    private readonly api: KonnectApi,
    private readonly ids: IdDirectory,
    private readonly geo: Geo,
    private readonly signal?: AbortSignal,
    /** Control planes outside `geo` (`Plan.controlPlaneGeos`). */
    private readonly controlPlaneGeos: Readonly<Record<string, Geo>> = {},
  ) {}

  /**
   * The geo a kind's entity is listed in, when not the default: its control plane's, for the control plane kind
   * itself, the kinds scoped to one, and the kinds listed under one (a child's key starts with its parent's).
   */
  private geoOf(descriptor: KindDescriptor, controlPlane: string | undefined, local: string): Geo | undefined {
    const parentIsControlPlane = descriptor.kind === CONTROL_PLANE_KIND || descriptor.parent?.kind === CONTROL_PLANE_KIND;
    const name = controlPlane ?? (parentIsControlPlane ? local.split('/')[0] : undefined);
    return name === undefined ? undefined : this.controlPlaneGeos[name];
  }

  /**
   * `fresh`: ask Konnect again (recovering a create whose response was lost). `listing`: match against the cached
   * listing of the collection even where a name filter exists, so checking many entities costs one listing each.
   */
  find(ref: string, options: { fresh?: boolean; listing?: boolean } = {}): Promise<LookupHit | undefined> {
    if (options.fresh) return this.findNow(ref, true);
    if (options.listing) return this.findNow(ref, false, true);
    let cached = this.single.get(ref);
    if (!cached) {
      cached = this.findNow(ref, false);
      this.single.set(ref, cached);
      // A failed lookup (network, 5xx) may be retried later by another operation.
      cached.catch(() => this.single.delete(ref));
    }
    return cached;
  }

  private async findNow(ref: string, fresh: boolean, fromListing = false): Promise<LookupHit | undefined> {
    const { kind, key } = parseEntityRef(ref);
    const location = await this.locate(kind, key);
    if (!location) return undefined;
    const { descriptor, local } = location;
    if (descriptor.aggregate && location.parentId) return { id: location.parentId, raw: {} };
    const query = descriptor.lookupQuery?.(local);
    // A listing of the collection already made (or on its way: the stale check's, another lookup's) costs nothing.
    const fromList = fromListing || (!fresh && (query === undefined || this.raws.has(listingKey(location.listPath, location.geo))));
    let hit = fromList ? await this.match(location, (await this.listing(location)).map((entry) => entry.raw)) : undefined;
    // Where a filter exists, a miss there is asked again: the entity may be newer than the listing.
    if (!hit && !fromListing && (fresh || query !== undefined)) hit = await this.match(location, await this.fetch(location, query));
    if (hit) this.ids.record(ref, hit.id);
    return hit;
  }

  /** Every entity of `kind` in a control plane (or org-wide): one listing, cached. Only for kinds without a parent. */
  private async listScope(kind: KindName, controlPlane: string | undefined, geo: Geo | undefined): Promise<Listed[]> {
    const descriptor = kindOf(kind);
    if (descriptor.parent) return [];
    const controlPlaneId = controlPlane === undefined ? undefined : await this.ids.resolve(entityRef(CONTROL_PLANE_KIND, controlPlane));
    const listPath = fillPath(descriptor.paths.list, { controlPlaneId });
    const location: Location = { descriptor, local: '', listPath };
    if (controlPlane !== undefined) location.controlPlane = controlPlane;
    if (geo !== undefined) location.geo = geo;
    return this.listing(location);
  }

  private async locate(kind: KindName, key: string): Promise<Location | undefined> {
    const descriptor = kindOf(kind);
    const { controlPlane, local } = splitKey(descriptor, key);
    const controlPlaneId = controlPlane === undefined ? undefined : await this.ids.resolve(entityRef(CONTROL_PLANE_KIND, controlPlane));
    const location: Location = { descriptor, local, listPath: '' };
    if (controlPlane !== undefined) location.controlPlane = controlPlane;
    const geo = this.geoOf(descriptor, controlPlane, local);
    if (geo !== undefined) location.geo = geo;
    if (descriptor.parent) {
      // A child's key starts with its parent's local key (`network/name`, `upstream/target`): longest match wins.
      const parents = await this.listScope(descriptor.parent.kind, controlPlane, geo);
      let parent: Listed | undefined;
      for (const candidate of parents) {
        const fits = local === candidate.key || local.startsWith(`${candidate.key}/`);
        if (fits && (!parent || candidate.key.length > parent.key.length)) parent = candidate;
      }
      if (!parent) return undefined;
      location.parentId = parent.id;
      location.parentKey = parent.key;
    }
    location.listPath = fillPath(descriptor.paths.list, { controlPlaneId, parentId: location.parentId });
    return location;
  }

  /**
   * Every object at a filled list path of `kind` (in `geo`, when not the default): one listing, cached, whoever asks
   * (lookups, the stale check).
   */
  list(kind: KindName, listPath: string, geo?: Geo): Promise<JsonObject[]> {
    const cacheKey = listingKey(listPath, geo);
    let cached = this.raws.get(cacheKey);
    if (!cached) {
      cached = this.fetch({ descriptor: kindOf(kind), local: '', listPath, ...(geo !== undefined ? { geo } : {}) }, undefined);
      this.raws.set(cacheKey, cached);
      cached.catch(() => this.raws.delete(cacheKey));
    }
    return cached;
  }

  private listing(location: Location): Promise<Listed[]> {
    const cacheKey = listingKey(location.listPath, location.geo);
    let cached = this.listings.get(cacheKey);
    if (!cached) {
      cached = this.list(location.descriptor.kind, location.listPath, location.geo).then((raws) => this.decodeAll(location, raws));
      this.listings.set(cacheKey, cached);
      cached.catch(() => this.listings.delete(cacheKey));
    }
    return cached;
  }

  private async fetch(location: Location, query: Record<string, string> | undefined): Promise<JsonObject[]> {
    const { descriptor } = location;
    const options: { query?: Record<string, string>; signal?: AbortSignal; geo?: Geo } = {};
    if (query) options.query = query;
    if (location.geo !== undefined) options.geo = location.geo;
    if (this.signal) options.signal = this.signal;
    return this.api.list(descriptor.api, location.listPath, descriptor.paths.pagination, options);
  }

  private decodeAll(location: Location, raws: JsonObject[]): Listed[] {
    const out: Listed[] = [];
    for (const raw of raws) {
      const listed = this.decodeOne(location, raw, new Set());
      if (listed) out.push(listed);
    }
    for (const entry of out) this.ids.record(entityRef(location.descriptor.kind, scopedKey(location.controlPlane, entry.key)), entry.id);
    return out;
  }

  private decodeOne(location: Location, raw: JsonObject, misses: Set<KindName>): Listed | undefined {
    const ctx = {
      geo: location.geo ?? this.geo,
      key: (kind: KindName, id: string) => {
        const known = this.ids.keyOf(kind, id);
        if (known === undefined) misses.add(kind);
        return known;
      },
      ...(location.controlPlane !== undefined ? { controlPlane: location.controlPlane } : {}),
      ...(location.parentKey !== undefined ? { parentKey: location.parentKey } : {}),
    };
    const decoded = decodeLive(location.descriptor, raw, ctx);
    return decoded?.id === undefined ? undefined : { id: decoded.id, key: decoded.local, raw, fields: decoded.fields };
  }

  /**
   * The candidate whose identity is the wanted key. When decoding met ids of unknown referenced entities (a
   * configuration's control plane, a plugin's service), those kinds are listed once in scope and matching is retried.
   */
  private async match(location: Location, raws: JsonObject[]): Promise<LookupHit | undefined> {
    const misses = new Set<KindName>();
    const find = () => {
      for (const raw of raws) {
        const listed = this.decodeOne(location, raw, misses);
        if (listed && listed.key === location.local) return { id: listed.id, raw, fields: listed.fields };
      }
      return undefined;
    };
    const first = find();
    if (first || misses.size === 0) return first;
    for (const kind of [...misses].sort()) {
      const scope = kindOf(kind).scope === 'control_plane' ? location.controlPlane : undefined;
      await this.listScope(kind, scope, scope === undefined ? undefined : location.geo);
    }
    return find();
  }
}
