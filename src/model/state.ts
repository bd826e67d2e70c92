import { entityRef, type Entity, type EntityRef } from './entity.js';
import type { KindName } from '../kinds/kind-names.js';
import type { Json, JsonObject } from './json.js';
import type { Problem } from '../errors.js';
import type { LiveNeed } from '../kinds/descriptor.js';

export const GEOS = ['us', 'eu', 'au', 'me', 'in', 'sg'] as const;
export type Geo = (typeof GEOS)[number];

/** The five kinds decK's `_info.default_lookup_tags` covers. */
export const LOOKUP_SECTIONS = ['services', 'routes', 'consumers', 'consumer_groups', 'partials'] as const;
export type LookupSection = (typeof LOOKUP_SECTIONS)[number];

/**
 * A claim says which live entities the desired state owns: a live entity that is not desired is deleted only
 * when some claim covers it. Gateway files claim their control plane's entities within their select_tags;
 * a platform collection key present in a file (even empty) claims that collection.
 */
export interface Claim {
  kind: KindName;
  controlPlane?: string;
  /** Live entity must carry all of these tags. */
  selectTags?: string[];
  /** Only children of this parent (local key): `transit_gateways` listed on network `prod` claim prod's. */
  parent?: string;
  /**
   * Only this entity (local key), whatever its recorded owner: an entry marked `absent: true`, for kinds on which
   * Konnect keeps no owner (networks).
   */
  key?: string;
}

/** What one control plane's gateway files ask of it. */
export interface GatewayScope {
  controlPlane: string;
  /** One entry per distinct select-tag set used by files of this control plane ([] = no select tags). */
  selectTagSets: string[][];
  /** Union of `_info.default_lookup_tags` across the files of this control plane. */
  lookupTags: Partial<Record<LookupSection, string[]>>;
  includePluginDefinitions: boolean;
}

/** A `${{ env "DECK_X" }}` that was rendered into the desired state. */
export interface EnvUse {
  name: string;
  value: string;
}

export interface DesiredState {
  /** The default geo: of control planes no file places (`--geo`, else the one geo the files name, else `us`). */
  geo: Geo;
  /**
   * Every geo the reader reads (control planes are listed once per geo): `geo` and every geo the files name. Absent:
   * `[geo]`.
   */
  geos?: Geo[];
  /** Who this state is (`_konnect.owner`, `--owner`); recorded on the control planes it manages. Default `default`. */
  owner?: string;
  entities: Entity[];
  claims: Claim[];
  scopes: GatewayScope[];
  /** Every DECK_ variable rendered in, with its value: outputs mask these values, plans store the reference. */
  env: EnvUse[];
  /**
   * Every DECK_ variable of the load environment, rendered or not (decK masks them all): a value the files no longer
   * use can still sit in live state. `deckValues()` joins it with `env`.
   */
  secrets?: EnvUse[];
  /** Platform resources referenced that no file declares (`validate` says so; the planner finds them in Konnect). */
  deferredReferences?: string[];
  /** Files read, in load order. */
  files: string[];
  /**
   * Files with gateway entities whose `_konnect` names no control plane: they go to `--konnect-control-plane-name`,
   * else to decK's `default`. `validate` warns about them (offline, it cannot know whether `default` exists).
   */
  unnamedControlPlane?: string[];
  /** Files a directory walk found and left out: konsync plans, files that are clearly not state. */
  skipped?: string[];
  /** Problems the files leave to live state (`CheckContext.reportUnlessLive`): the planner fails on those it cannot clear. */
  liveChecks?: LiveCheck[];
  /** Things in the files that konsync accepted but will not act on (e.g. OAuth2 and mTLS credentials, `_workspace`). */
  warnings?: string[];
  /** Where fields were written, for checks that run after loading (guard rails); absent for states built in code. */
  locator?: SourceLocator;
}

/** A position in a state file; lines and columns are 1-based. */
export interface FilePosition {
  line: number;
  column: number;
}

/** Positions inside the loaded files, by file and field path (object keys and array indexes, root first). */
export interface SourceLocator {
  /** The field at `path` (its key), or its deepest existing ancestor. */
  field(file: string, path: ReadonlyArray<string | number>): FilePosition;
  /** Where the string at `path` starts: a block scalar's first content line (`block: true`), or the scalar itself. */
  text(file: string, path: ReadonlyArray<string | number>): (FilePosition & { block: boolean }) | undefined;
  /** The value written at `path` (after `${{ env }}` rendering), undefined when absent. */
  value(file: string, path: ReadonlyArray<string | number>): Json | undefined;
}

/** Every DECK_ variable of an environment, by name. */
export function deckEnv(env: Record<string, string | undefined>): EnvUse[] {
  return Object.entries(env)
    .filter((entry): entry is [string, string] => entry[0].startsWith('DECK_') && typeof entry[1] === 'string')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => ({ name, value }));
}

/** Every DECK_ value a state knows (rendered ones first): what outputs mask. */
export function deckValues(state: Pick<DesiredState, 'env' | 'secrets'>): EnvUse[] {
  return [...state.env, ...(state.secrets ?? [])];
}

/** A deferred problem: it stands unless live state holds `need` in `controlPlane`. */
export interface LiveCheck {
  controlPlane?: string;
  need: LiveNeed;
  problem: Problem;
}

/** The geos a desired state reads: `geos`, else its one `geo`. */
export function geosOf(state: Pick<DesiredState, 'geo' | 'geos'>): Geo[] {
  return state.geos ?? [state.geo];
}

export interface LiveState {
  entities: Entity[];
  /**
   * Defaults read from Konnect's schemas for plugins and partial types the static table lacks, keyed like
   * KONNECT_DEFAULTS (`plugin:<name>`, `partial:<type>`); a control plane's custom plugins as `<cp>/plugin:<name>`.
   */
  defaults?: Record<string, JsonObject>;
}

export function indexByRef(entities: readonly Entity[]): Map<EntityRef, Entity> {
  const map = new Map<EntityRef, Entity>();
  for (const entity of entities) map.set(entityRef(entity.kind, entity.key), entity);
  return map;
}
