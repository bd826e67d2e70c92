import { geosOf, type DesiredState, type Geo, type LiveState } from '../../model/state.js';
import type { Entity } from '../../model/entity.js';
import type { JsonObject } from '../../model/json.js';
import type { KonnectApi } from '../../konnect/types.js';
import type { KindName } from '../../kinds/kind-names.js';
import { kindOf } from '../../kinds/registry.js';
import { Fetcher } from './fetch.js';
import { Decoder } from './decoder.js';
import { PageDecoding } from './page-decoding.js';
import { idOf } from '../../kinds/decode-live.js';
import { ORG } from './raw-store.js';
import { CONTROL_PLANE_KIND } from '../../kinds/control-plane-kind.js';
import { GATEWAY_KIND_NAMES, selectReads } from './select-reads.js';
import { SchemaDefaults } from './schema-defaults.js';
import { labelledOwner, stateOwner } from '../../diff/ownership.js';
import { isRegional } from '../../konnect/base-urls.js';
import { PlanError } from '../../errors.js';
import { entityGeo } from '../../kinds/entity-geo.js';
import type { RawItem } from './raw-store.js';
import { findControlPlanesElsewhere } from './find-elsewhere.js';
import { GATEWAY_DEPENDENCIES, NESTED_ONLY } from './dependencies.js';

export interface ReadOptions {
  /** Read every control plane's gateway entities and every platform resource, not only what desired touches (dump). */
  everything?: boolean;
  /** dump: only these control planes. */
  controlPlanes?: string[];
  /** Fetch Konnect's schemas for plugins / partial types the static defaults lack (default true; dump: only to skip defaults). */
  schemaDefaults?: boolean;
  signal?: AbortSignal;
  /**
   * Called with each kind's entities of one scope (sorted by key; `controlPlane` unset for the org) as soon as they are
   * decoded, in dependency order per scope, once per kind and scope: a dump builds its files while the rest is read.
   */
  onKindDecoded?: (kind: KindName, entities: readonly Entity[], controlPlane?: string) => void;
  /**
   * Called with each gateway entity as soon as it is decoded (pages are decoded as they arrive), before its kind is
   * complete and `onKindDecoded` gives it in order: a dump prepares its item meanwhile.
   */
  onEntityDecoded?: (entity: Entity) => void;
}

/**
 * Live state for what `desired` touches, in the same model as the loader's (references by natural key).
 *
 * What is read: provider accounts and control planes always; the platform kinds the desired entities and claims
 * name, closed over their references and parents (a configuration brings networks, which bring provider accounts);
 * children (transit gateways, private DNS, group memberships) under the desired parents only. For every control
 * plane a gateway file targets: all its gateway entities, kinds with a `parent` listed per parent unless the API has
 * a control-plane-wide list (`paths.listAll`: consumer credentials, read once each and matched to their consumer),
 * and the org kinds that own server-made gateway entities (custom domains), so those can be recognised.
 *
 * Select tags: a control plane is listed whole, once, and the planner filters by claims. Passing `tags=` would save
 * little (pages are 1000 items) but lookup-tagged entities and referenced entities outside the tags would then need
 * more listings, and kinds listed per parent cannot be narrowed at all: fewer requests wins.
 *
 * Geos: the regional kinds of the org (control planes) are listed once in each geo of `geosOf(desired)`; a control
 * plane's members and gateway entities in its geo. What is listed outside the default geo carries its `geo`, and so do
 * the global API's entities of a control plane there (a configuration). One name in two geos is refused (PlanError).
 * A control plane that desired entities belong to, that no file declares and no geo read holds, is looked up by name
 * in each other geo (find-elsewhere.ts): another state's control plane, in a geo these files never name.
 *
 * Only list requests are made (no per-entity GETs), concurrently; the client's scheduler bounds them. The one
 * exception is Konnect's schema of each plugin name and partial type (in desired or live) that KONNECT_DEFAULTS lacks,
 * fetched once into `defaults` (per control plane for its custom plugins), as soon as that control plane is listed.
 * Requests = pages + one per such distinct plugin name / partial type (+ one per control plane and custom plugin).
 */
export async function readLiveState(api: KonnectApi, desired: DesiredState, options: ReadOptions = {}): Promise<LiveState> {
  const selection = selectReads(desired, options);
  // Each control plane's pages are decoded as they are listed (page-decoding.ts).
  const pages = new Map<string, PageDecoding>();
  const fetcher = new Fetcher(api, options.signal, (scope, kind, items) => pages.get(scope)?.add(kind, items));
  const decoder = new Decoder(desired.geo);
  const schemas = new SchemaDefaults(api, options.signal);
  const desiredByPlane = new Map<string, Entity[]>();
  for (const entity of desired.entities) {
    if (entity.controlPlane === undefined) continue;
    const list = desiredByPlane.get(entity.controlPlane) ?? [];
    list.push(entity);
    desiredByPlane.set(entity.controlPlane, list);
  }
  const entities: Entity[] = [];
  const decoded = (scope: string, kind: KindName): Entity[] => {
    const list = decoder.decodeKind(scope, kind, fetcher.store.get(scope, kind)).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    options.onKindDecoded?.(kind, list, scope === ORG ? undefined : scope);
    return list;
  };
  const settled = (scope: string, kind: KindName, decoding: PageDecoding): Entity[] => {
    const list = decoding.settle(kind);
    options.onKindDecoded?.(kind, list, scope);
    return list;
  };
  const append = (list: readonly Entity[]) => {
    // A loop, not push(...): spreading 100k+ entities of one kind overflows the stack.
    for (const entity of list) entities.push(entity);
  };
  const decode = (scope: string, kind: KindName) => append(decoded(scope, kind));

  // Regional kinds are listed once per geo the state reads; the default geo is the client's (no `geo` passed).
  const elsewhere = (geo: Geo | undefined): Geo | undefined => (geo === desired.geo ? undefined : geo);
  const geos = geosOf(desired);

  // 1. Org kinds at the top level, then decoded in dependency order so later kinds resolve ids to names.
  const top = selection.orgKinds.filter((kind) => !kindOf(kind).parent);
  const children = selection.orgKinds.filter((kind) => kindOf(kind).parent);
  await Promise.all(
    top.flatMap((kind) => (isRegional(kindOf(kind).api) ? geos.map((geo) => fetcher.listTop(ORG, kind, undefined, elsewhere(geo))) : [fetcher.listTop(ORG, kind)])),
  );
  await findControlPlanesElsewhere(fetcher, desired, geos);
  for (const kind of top) decode(ORG, kind);
  refuseNamesInTwoGeos(entities, desired.geo);

  // 2. Children of the parents that matter, and every targeted control plane's gateway entities, all at once.
  const jobs: Array<Promise<void>> = [];
  const childJobs: Array<Promise<void>> = [];
  for (const kind of children) {
    const parentKind = kindOf(kind).parent!.kind;
    const wanted = selection.parents.get(kind) ?? new Set<string>();
    const parents = fetcher.store.get(ORG, parentKind).filter((item) => {
      const id = idOf(item.raw);
      const key = id === undefined ? undefined : decoder.keyOf(ORG, parentKind, id);
      return wanted === 'all' || (key !== undefined && wanted.has(key));
    });
    // Children of a regional parent are listed in the parent's geo.
    for (const [geo, inGeo] of byGeo(parents)) childJobs.push(fetcher.listUnder(ORG, kind, inGeo, undefined, geo).then(() => undefined));
  }
  // Each kind is decoded as soon as it and the kinds it depends on are listed (decodeAsListed), while the rest is still
  // being read: the read mostly waits for the rate limit, so decoding then costs no wall time.
  const childrenDecoded = Promise.all(childJobs).then(() => children.map((kind) => decoded(ORG, kind)));
  const planesDecoded: Array<Promise<Entity[][]>> = [];
  // Control planes this state owns and no longer declares may be deleted: their gateway entities are read too, so
  // the plan can say what goes with them.
  const claimsControlPlanes = desired.claims.some((claim) => claim.kind === CONTROL_PLANE_KIND && claim.key === undefined);
  const declared = new Set(desired.entities.filter((entity) => entity.kind === CONTROL_PLANE_KIND).map((entity) => entity.key));
  const owner = stateOwner(desired.owner);
  const mayDelete = (cp: Entity) => claimsControlPlanes && !declared.has(cp.key) && labelledOwner(cp) === owner;
  const controlPlanes = entities
    .filter((entity) => entity.kind === CONTROL_PLANE_KIND && entity.id !== undefined)
    .filter((entity) => selection.controlPlanes === 'all' || selection.controlPlanes.has(entity.key) || mayDelete(entity));
  for (const cp of controlPlanes) {
    const decoding = new PageDecoding(decoder, cp.key, options.onEntityDecoded);
    pages.set(cp.key, decoding);
    const kinds = readGatewayEntities(fetcher, cp.key, cp.id!, cp.geo);
    const listed = Promise.all(kinds.values()).then(() => undefined);
    // A control plane read only to count what its delete takes along is never compared: no schema defaults for it.
    const compared = options.schemaDefaults !== false && !(mayDelete(cp) && selection.controlPlanes !== 'all' && !selection.controlPlanes.has(cp.key));
    jobs.push(compared ? listed.then(() => schemas.forControlPlane(cp.key, cp.id!, desiredByPlane.get(cp.key) ?? [], fetcher.store, cp.geo)) : listed);
    planesDecoded.push(
      childrenDecoded.then(() => {
        decoding.start();
        return decodeAsListed(kinds, (kind) => settled(cp.key, kind, decoding));
      }),
    );
  }
  const [childEntities, planeEntities] = await Promise.all([childrenDecoded, Promise.all(planesDecoded), Promise.all(jobs)]);

  for (const list of childEntities) append(list);
  for (const lists of planeEntities) for (const list of lists) append(list);
  placeByControlPlane(entities, desired.geo);
  return Object.keys(schemas.learned).length > 0 ? { entities, defaults: schemas.learned } : { entities };
}

/** Raw items by the geo they were listed in (undefined: the default geo). */
function byGeo(items: readonly RawItem[]): Map<Geo | undefined, JsonObject[]> {
  const out = new Map<Geo | undefined, JsonObject[]>();
  for (const item of items) {
    const list = out.get(item.geo) ?? [];
    list.push(item.raw);
    out.set(item.geo, list);
  }
  return out;
}

/**
 * konsync names a control plane by its name: one name in two geos would be two entities with one key. Konnect
 * documents no rule either way, so the read refuses it rather than pick one.
 */
function refuseNamesInTwoGeos(entities: readonly Entity[], defaultGeo: Geo): void {
  const seen = new Map<string, Geo>();
  for (const entity of entities) {
    if (entity.kind !== CONTROL_PLANE_KIND) continue;
    const geo = entity.geo ?? defaultGeo;
    const other = seen.get(entity.key);
    if (other !== undefined && other !== geo) {
      throw new PlanError(`control plane "${entity.key}" exists in geo ${other} and in geo ${geo}: konsync names control planes by name, so a name may be used in one geo only; rename one of them in Konnect`);
    }
    seen.set(entity.key, geo);
  }
}

/** Live entities of the global API that name a control plane (a configuration, a custom domain) take its geo. */
function placeByControlPlane(entities: Entity[], defaultGeo: Geo): void {
  const geoOf = new Map(entities.filter((entity) => entity.kind === CONTROL_PLANE_KIND && entity.geo !== undefined).map((entity) => [entity.key, entity.geo!]));
  if (geoOf.size === 0) return;
  for (const entity of entities) {
    if (entity.geo !== undefined) continue;
    const geo = entityGeo(entity, (controlPlane) => geoOf.get(controlPlane));
    if (geo !== undefined && geo !== defaultGeo) entity.geo = geo;
  }
}

/**
 * Decodes one control plane's gateway kinds, each once it is listed and the kinds it names are decoded (their ids
 * resolve to names then): kinds listed early do not wait for a long listing they do not depend on (a consumer for
 * the routes). Kinds nested in another kind's items (credentials in a consumer's) keep the KIND_NAMES order among
 * themselves, so that a dump writes them in one order. The lists come back in GATEWAY_KIND_NAMES order.
 */
function decodeAsListed(listed: Map<KindName, Promise<JsonObject[]>>, decode: (kind: KindName) => Entity[]): Promise<Entity[][]> {
  const done = new Map<KindName, Promise<Entity[]>>();
  let previousNested: Promise<unknown> = Promise.resolve();
  for (const kind of GATEWAY_KIND_NAMES) {
    const before: Array<Promise<unknown>> = [...GATEWAY_DEPENDENCIES.get(kind)!].map((dependency) => done.get(dependency)!);
    const nested = NESTED_ONLY.has(kind);
    if (nested) before.push(previousNested);
    const promise = Promise.all([listed.get(kind), ...before]).then(() => decode(kind));
    if (nested) previousNested = promise;
    done.set(kind, promise);
  }
  return Promise.all(GATEWAY_KIND_NAMES.map((kind) => done.get(kind)!));
}

/** Every gateway kind of one control plane, each as it is listed; kinds with a parent are listed under each parent once it is known. */
function readGatewayEntities(fetcher: Fetcher, controlPlane: string, controlPlaneId: string, geo: Geo | undefined): Map<KindName, Promise<JsonObject[]>> {
  const listed = new Map<KindName, Promise<JsonObject[]>>();
  const listKind = (kind: KindName): Promise<JsonObject[]> => {
    const existing = listed.get(kind);
    if (existing) return existing;
    const parent = kindOf(kind).parent;
    const promise = parent
      ? listKind(parent.kind).then((parents) => fetcher.listUnder(controlPlane, kind, parents, controlPlaneId, geo))
      : fetcher.listTop(controlPlane, kind, controlPlaneId, geo);
    listed.set(kind, promise);
    return promise;
  };
  for (const kind of GATEWAY_KIND_NAMES) listKind(kind);
  return listed;
}
