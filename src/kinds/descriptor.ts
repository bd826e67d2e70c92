import type { Json, JsonObject } from '../model/json.js';
import type { Geo, LookupSection } from '../model/state.js';
import type { PlannedRequest } from '../model/plan.js';
import type { KindName } from './kind-names.js';
import type { Entity } from '../model/entity.js';

/** What a descriptor's `check` sees: the whole desired state, and a way to report a problem at a field. */
export interface CheckContext {
  all: readonly Entity[];
  /** Desired entity by kind and key. */
  find(kind: KindName, key: string): Entity | undefined;
  /** A problem at a field of `entity` (object keys and array indexes below the entity). */
  report(entity: Entity, field: ReadonlyArray<string | number>, message: string): void;
  /**
   * A problem that an entity in Konnect may still resolve (a plugin name that a custom plugin only Konnect holds may
   * define): `validate` reports it; diff, plan and sync leave it to the planner, which looks in live state.
   */
  reportUnlessLive(entity: Entity, field: ReadonlyArray<string | number>, message: string, live: LiveNeed): void;
}

/** What must exist in live state, in the entity's control plane, for a deferred problem to go away. */
export interface LiveNeed {
  kind: KindName;
  field: string;
  value: string;
}

/** An entity as declared, before references are resolved (names as written): what `derive` reads and returns. */
export interface DeclaredEntity {
  kind: KindName;
  controlPlane?: string;
  fields: JsonObject;
}

/** Entities one declared entity brings with it: the loader adds them, the planner treats them like declared ones. */
export interface DerivedSpec {
  /** The kinds `derive` returns: the files that claim this kind also claim those of them konsync derived. */
  kinds: KindName[];
  /**
   * Entities implied by `entity` in the desired state `all` (a group-owned managed cache → the redis partial on each
   * member). One already declared with the same kind and identity is kept instead (the file's own wins).
   */
  derive(entity: DeclaredEntity, all: readonly DeclaredEntity[]): DeclaredEntity[];
}

/** A finding that Konnect accepts but that will not work as meant: a warning at a field of the entity. */
export interface EntityWarning {
  field: ReadonlyArray<string | number>;
  message: string;
}

export interface RefSpecTarget {
  kind: KindName;
  key: string;
  needsReady?: boolean;
}

/** Which Konnect API serves a kind: cloud-gateways is global, the other two are regional (geo). */
export type ApiName = 'cloud-gateways' | 'control-planes' | 'core-entities';
export type Pagination = 'page' | 'cursor' | 'offset';

/** A reference from one entity to another, by natural key, at a model field path. */
export interface RefSpec {
  /** Model path; `[]` walks arrays: `service`, `partials[].name`, `dataplane_groups[].network`, `members[]`. */
  path: string;
  kind: KindName;
  /** The target must be ready (async) before this entity is written. */
  needsReady?: boolean;
  /** `_info.default_lookup_tags` section that lets this reference resolve against live state. */
  lookup?: LookupSection;
  /**
   * The entity belongs to its target (a configuration to its control plane): the target's owner and protection are
   * its own, and deleting the target takes it along.
   */
  owner?: true;
}

export interface EncodeContext {
  /** The entity's geo (a configuration's: its control plane's), sent as `control_plane_geo`. */
  geo: Geo;
  /** Placeholder `{"$id":"kind:key"}` for the server id of a referenced entity, given its local key. */
  id(kind: KindName, localKey: string): Json;
}

export interface DecodeContext {
  geo: Geo;
  controlPlane?: string;
  /** Local key of the entity of `kind` with server id `id`; `undefined` when it is not known. */
  key(kind: KindName, id: string): string | undefined;
  /** Local key of the parent this object was listed under (transit gateway → network). */
  parentKey?: string;
}

/** Where a kind sits in state files. */
export interface FileLocation {
  /** Dotted path of its top-level list: `services`, `cloud_gateways.networks`. Absent: only nested. */
  key?: string;
  /**
   * Lists inside another kind's items: `services[].routes`, each route getting `service: <parent key>`.
   * `map` renames item fields to model fields (`consumers[].groups[].name` → `consumer_group`).
   * `whole` makes the list itself one entity's field (`control_planes[].members` → membership `members`).
   */
  nested?: Array<{
    in: KindName;
    as: string;
    ref: string;
    map?: Record<string, string>;
    whole?: string;
    /**
     * Each item also declares the entity of this kind it names, with the item's own fields (decK's
     * `consumer_groups[].consumers`): unless a file declares it elsewhere, it is created, not only referenced.
     */
    declares?: KindName;
  }>;
  /**
   * Items of a top-level list shared by several kinds, told apart by their `type` (decK's `custom_entities`): the
   * entity's fields are the item's `fields`, its pinned id the item's `id`.
   */
  typed?: { key: string; type: string };
  /** Fields holding Lua source: each may instead be `<field>_file`, a path relative to the state file. */
  codeFields?: string[];
  /** A file-only shorthand (decK's service `url`) rewritten into model fields in place; returns a problem, if any. */
  expand?(fields: JsonObject): string | undefined;
  /** Managed only when the file sets `_info.include_plugin_definitions: true`, as decK requires. */
  needsPluginDefinitions?: boolean;
}

/** How an entity is written. Path templates use `{controlPlaneId}`, `{parentId}` and `{id}`. */
export interface WriteSpec {
  create?: { method: 'POST' | 'PUT'; path: 'list' | 'item'; acceptStatuses?: number[] };
  /** `replace`: the API has no update, every change is delete + create. */
  update:
    | {
        method: 'PUT' | 'PATCH';
        path: 'list' | 'item';
        /** The fields a PATCH may carry; a function when they depend on the entity (a transit gateway's kind). */
        fields?: string[] | ((fields: JsonObject) => string[]);
        acceptStatuses?: number[];
      }
    | 'replace';
  /** `none`: cannot be deleted through the API (provider accounts). */
  delete:
    | {
        method: 'DELETE' | 'PUT';
        path: 'list' | 'item';
        body?: (fields: JsonObject, ctx: EncodeContext) => JsonObject;
        acceptStatuses?: number[];
      }
    | 'none';
}

export interface RequestBuildInput {
  before?: JsonObject;
  after?: JsonObject;
  ctx: EncodeContext;
  /** Resolved path templates for this entity. */
  listPath: string;
  itemPath: string;
  ref: string;
}

/** Defaults learned from Konnect's schemas, by KONNECT_DEFAULTS-style key (`plugin:<name>`), for one control plane. */
export type LearnedDefaults = (key: string) => JsonObject | undefined;

export interface SchemaDefaultsSpec {
  /**
   * The schema these fields need: its defaults key (`plugin:<name>`), its path template (`{controlPlaneId}`) and the
   * name it describes. Undefined when the static table already has the key.
   */
  of(fields: JsonObject): { key: string; path: string; name: string } | undefined;
  /** Kong schema JSON → a KONNECT_DEFAULTS-shaped entry. */
  convert(schema: JsonObject): JsonObject;
  /** Names a control plane defines itself (custom plugins: `custom_plugin.name`): their schema is per control plane. */
  localTo?: { kind: KindName; field: string };
}

export interface KindDescriptor {
  kind: KindName;
  /** Word for people: `cloud gateway network`. */
  title: string;
  api: ApiName;
  scope: 'org' | 'control_plane';
  /** Listed and written under a parent's path; the model keeps the parent's local key in `field`. */
  parent?: { kind: KindName; field: string };
  file: FileLocation;
  /** Natural key within scope. `undefined` when the fields cannot name the entity. */
  identity(fields: JsonObject, id?: string): string | undefined;
  refs: RefSpec[];
  /** Model paths whose change cannot be made in place: the plan replaces the entity. */
  immutable: string[];
  /**
   * Model paths Konnect holds unique within the kind's scope beyond the identity (a consumer's `custom_id`, a basic-auth
   * `username` across consumers). A delete and a create or update holding the same value cannot exist together: the
   * delete goes first. Every other delete of the kind waits for the creates and updates beside it (docs/DESIGN.md).
   */
  unique?: string[];
  /**
   * Model paths that pair a desired entity with a live one when no live entity has its key, as decK's lookups do (a
   * consumer found by `custom_id` when its username is new): the live entity is updated under the new key, not
   * deleted and created again.
   */
  matchBy?: string[];
  /** Other names a reference may use for this entity (a consumer's `custom_id`); its key is tried first. */
  referenceNames?(fields: JsonObject): string[];
  /** Replacement rules beyond plain immutability; returns the reason, e.g. a cache tier downgrade. */
  replaceWhen?(before: JsonObject, after: JsonObject): string | undefined;
  /** Entities this one implies (see `DerivedSpec`); expanded by the loader. */
  derived?: DerivedSpec;
  /** Settings Konnect accepts that will not work as meant (a redis strategy with no redis); the loader warns. */
  warnings?(entity: Entity): EntityWarning[];
  /** Konnect's rules across fields and entities that JSON Schema cannot express; the loader runs them offline. */
  check?(entity: Entity, ctx: CheckContext): void;
  /** Model paths never compared: server-made or server-computed. */
  ignore: string[];
  /**
   * Fields that are secrets by nature (credential secrets, passwords, private keys): masked in every output on both
   * sides, and never copied from live state into a plan. Dotted model paths; `*` one key, `**` any number of keys.
   */
  secrets?: string[];
  /**
   * Plain dotted model paths the server fills with a generated value when none is sent (RLA `config.namespace`):
   * left out of the desired entity, whatever live holds there is not drift.
   */
  generated?: string[];
  /** Array paths whose order does not matter. */
  sets(fields: JsonObject): string[];
  /**
   * Values Konnect fills in when a field is not sent (so their absence in a file is not drift). Desired values win.
   * `learned`: defaults read from Konnect's schemas (`LiveState.defaults`), used where the static table has no entry.
   */
  defaults?(fields: JsonObject, learned?: LearnedDefaults): JsonObject;
  /** Konnect's schema endpoint for defaults the static table lacks (a plugin's, a partial type's). */
  schemaDefaults?: SchemaDefaultsSpec;
  /** Canonical form applied to desired and live alike before comparing (e.g. a partial link's default path). */
  normalize?(fields: JsonObject): JsonObject;
  /**
   * References not written in any field (a partial using a managed cache's vault values depends on that add-on).
   * `all` is the whole desired state.
   */
  implicitRefs?(entity: Entity, all: readonly Entity[]): RefSpecTarget[];
  /** The kinds `implicitRefs` looks at: the planner passes only those entities as `all` (keeps planning linear). */
  implicitRefsReads?: KindName[];
  /** Server-created entities this one brings (a custom domain's certificate and SNI): never deleted or dumped. */
  owns?(raw: JsonObject): Array<{ kind: KindName; id: string }>;
  /** False for a live object that stands for absence (a configuration with no data plane groups). */
  exists?(raw: JsonObject): boolean;
  /**
   * Relative to the API's `/v2` base. Templates: `{controlPlaneId}`, `{parentId}`, `{id}`, and `{ref:field}` for the
   * id of the entity a model field references (`.../consumers/{ref:consumer}`).
   */
  paths: {
    list: string;
    item: string;
    pagination: Pagination;
    pageSize: number;
    /**
     * One listing of every parent's children, each naming its parent in `parent.field` as `{id}` (`/key-auths`): read
     * instead of one listing per parent.
     */
    listAll?: string;
  };
  /** Only parents for which this holds are listed (memberships: only control plane groups). */
  parentFilter?(parentRaw: JsonObject): boolean;
  /** One listing under a parent is one entity (a group's member list), not one entity per item. */
  aggregate?: { field: string };
  write: WriteSpec;
  /** Irregular writes (chunked membership changes): replaces the generic request building. */
  buildRequests?(action: 'create' | 'update' | 'delete', input: RequestBuildInput): PlannedRequest[];
  /** Async resources: where their state is and which values mean ready or failed. */
  readiness?: { statePath: string; ready: string[]; failed: string[] };
  /**
   * Query that narrows `paths.list` to the entity with this local key (`filter[name][eq]`), where the API supports
   * one. Used by apply's lookups by natural key; results are still matched by identity.
   */
  lookupQuery?(localKey: string): Record<string, string>;
  /** Model → API request body (references become `{"$id"}` placeholders). */
  encode(fields: JsonObject, ctx: EncodeContext): JsonObject;
  /** API object → model fields (ids become natural keys, server-made fields dropped). */
  decode(raw: JsonObject, ctx: DecodeContext): JsonObject;
  /** Created by Konnect itself (custom-domain certificates, a managed cache's `konnect-managed-<uuid>` partial): never deleted or dumped. */
  serverManaged?(raw: JsonObject): boolean;
  /** Konnect's name for `POST .../core-entities/schemas/{entityName}/validate`; absent: not validated online. */
  validateAs?: string;
  /** Read-only lookups (provider accounts): never planned. */
  readOnly?: boolean;
  /** Model field holding the kind's labels, where konsync records its owner and protection (control planes). */
  labels?: string;
  /**
   * File field naming the geo the entity lives in (control planes' `geo:`). Not a model field: the loader takes it
   * out into `Entity.geo`, the dump writes it back. What belongs to or is owned by such an entity shares its geo.
   */
  geoField?: string;
  /**
   * A write-only field Konnect stores as sent when the write carries `query` (basic-auth `password` with
   * `?skip_hash=true`: decK's `_info.skip_hash_for_basic_auth`). In files that ask for it the value is model field
   * `as`: sent as `field` with the query, read back from `field` and compared. Elsewhere `as` is `generated`: whatever
   * Konnect holds is not drift.
   */
  storedAsSent?: StoredAsSent;
}

export interface StoredAsSent {
  field: string;
  as: string;
  query: Record<string, string>;
}

