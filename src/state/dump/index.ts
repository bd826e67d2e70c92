import type { JsonObject } from '../../model/json.js';
import { getAll } from '../../model/paths.js';
import { entityRef, scopedKey, type Entity } from '../../model/entity.js';
import { GEOS, indexByRef, type EnvUse, type Geo, type LiveState, type LookupSection } from '../../model/state.js';
import { KIND_NAMES } from '../../kinds/kind-names.js';
import { kindOf } from '../../kinds/registry.js';
import { ownedIds } from '../../diff/claims.js';
import { secretRewriter } from '../../diff/secrets.js';
import { yamlChunks } from './yaml-writer.js';
import { inSelectTags, isServerMade, tagsOf } from './select.js';
import { itemOf, nestedItem, pushAt } from './items.js';
import { labelledOwner } from '../../diff/ownership.js';
import { DEFAULT_OWNER } from '../../model/ownership.js';
import { learnedFor } from '../../kinds/schema-defaults.js';
import { NEEDS_PLUGIN_DEFINITIONS } from '../load/ownership.js';
import { CONTROL_PLANE_KIND } from '../../kinds/control-plane-kind.js';

export interface DumpOptions {
  /** Write each gateway entity's server id (platform resources are matched by name and take no id). */
  withId?: boolean;
  /** Gateway entities carrying all of these; written as the files' `_info.select_tags` and stripped from entities. */
  selectTags?: string[];
  /** Only the gateway files of these control planes, and no platform file. */
  controlPlanes?: string[];
  /** DECK_ variables: where a value appears, the file gets `${{ env "DECK_X" }}` instead (no secrets on disk). */
  env?: readonly EnvUse[];
  /** Leave out values equal to Konnect's defaults (decK's --skip-defaults). */
  skipDefaults?: boolean;
  /**
   * Written as the platform file's `_konnect.geo`: the geo the live state was read with as default. Entities read in
   * another geo carry theirs (`Entity.geo`): a control plane's is written as its `geo:` and its gateway file's
   * `_konnect.geo`.
   */
  geo?: Geo;
}

export interface DumpDocument {
  /** File name: `konnect.yaml` for platform resources, `<control plane>.yaml` for a control plane's entities. */
  file: string;
  /** The control plane a gateway file is for. */
  controlPlane?: string;
  content: JsonObject;
}

export interface DumpResult {
  documents: DumpDocument[];
  /** Entities left out because they could not be placed (a nested entity whose parent is not dumped). */
  warnings: string[];
}

const PLATFORM_FILE = 'konnect.yaml';

const KIND_ORDER = new Map(KIND_NAMES.map((kind, index) => [kind, index]));

/** Sections a file may hold only with `_info.include_plugin_definitions: true` (the loader's rule, as decK's). */
const PLUGIN_DEFINITION_SECTIONS = NEEDS_PLUGIN_DEFINITIONS.map((kind) => kindOf(kind).file.key).filter((key): key is string => key !== undefined);

/**
 * A file name for a control plane: its name, with anything unusual in a file name replaced, and a number added when
 * that name is `taken` (the platform file, or another control plane's name that reads the same: `a b`, `a_b`).
 */
function gatewayFileName(controlPlane: string, taken: ReadonlySet<string>): string {
  // No leading dot: directory walks skip hidden files, so `diff -s DIR` would not read the dump back.
  const base = controlPlane.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\./, '_');
  let name = `${base}.yaml`;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}.yaml`;
  return name;
}

/**
 * Live state → konsync state files: a platform file and one decK-format file per control plane, references by name,
 * server-made entities left out. Placement comes from each kind's `file` declaration: its top-level list, or nested
 * in its parent's item. Pure; the CLI writes the files.
 */
export function dumpState(live: LiveState, options: DumpOptions = {}): DumpResult {
  const selectTags = options.selectTags ?? [];
  const onlyControlPlanes = options.controlPlanes;
  const owned = ownedIds(live.entities);
  const byRef = indexByRef(live.entities);
  const order = (entity: Entity) => KIND_ORDER.get(entity.kind)!;
  const wanted = live.entities
    .filter((entity) => !isServerMade(entity, owned))
    .filter((entity) => {
      const scoped = kindOf(entity.kind).scope === 'control_plane';
      if (!scoped) return onlyControlPlanes === undefined;
      return (onlyControlPlanes?.includes(entity.controlPlane ?? '') ?? true) && inSelectTags(entity, selectTags);
    })
    .sort((a, b) => order(a) - order(b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  // With several geos, every file names its geo: a file naming none would take the one geo the others name.
  const readGeo = options.geo ?? GEOS[0];
  const severalGeos = live.entities.some((entity) => entity.geo !== undefined && entity.geo !== readGeo);
  const platform: JsonObject = options.geo || severalGeos ? { _konnect: { geo: readGeo } } : {};
  const gateway = new Map<string, JsonObject>();
  const lookups = new Map<string, Map<LookupSection, string[]>>();
  // A control plane outside the dump's geo says where it is, so that the files load back to the same place.
  const geoOf = (controlPlane: string) => byRef.get(entityRef(CONTROL_PLANE_KIND, controlPlane))?.geo ?? (severalGeos ? readGeo : undefined);
  for (const name of onlyControlPlanes ?? []) gateway.set(name, gatewayHeader(name, selectTags, geoOf(name)));
  const documentOf = (entity: Entity): JsonObject => {
    if (entity.controlPlane === undefined) return platform;
    let doc = gateway.get(entity.controlPlane);
    if (!doc) gateway.set(entity.controlPlane, (doc = gatewayHeader(entity.controlPlane, selectTags, geoOf(entity.controlPlane))));
    return doc;
  };

  const items = new Map<string, JsonObject>();
  const warnings: string[] = [];
  const rewrite = secretRewriter(options.env ?? []);
  for (const entity of wanted) {
    const descriptor = kindOf(entity.kind);
    const item = itemOf(entity, {
      withId: options.withId === true && descriptor.scope === 'control_plane',
      stripTags: selectTags,
      skipDefaults: options.skipDefaults === true,
      rewrite,
      learned: learnedFor(live.defaults, entity.controlPlane),
    });
    if (descriptor.geoField !== undefined && entity.geo !== undefined) item[descriptor.geoField] = entity.geo;
    items.set(entityRef(entity.kind, entity.key), item);
    noteLookups(entity, byRef, owned, selectTags, lookups);
    if (descriptor.file.key !== undefined) {
      pushAt(documentOf(entity), descriptor.file.key, item);
      continue;
    }
    const typed = descriptor.file.typed;
    if (typed !== undefined) {
      // Listed apart from their parent, they still follow it (its select tags): a file never names a parent it lacks.
      const parent = descriptor.parent;
      const parentLocal = parent ? entity.fields[parent.field] : undefined;
      if (parent && (typeof parentLocal !== 'string' || !items.has(entityRef(parent.kind, scopedKey(entity.controlPlane, parentLocal))))) {
        warnings.push(`${descriptor.title} ${entity.key}: its parent is not dumped, left out`);
        continue;
      }
      const { id, ...fields } = item;
      // decK reads references inside `fields` only as objects (`service: {name}`): a plain name would be lost there.
      for (const ref of descriptor.refs) {
        const value = fields[ref.path];
        if (typeof value === 'string') fields[ref.path] = { name: value };
      }
      pushAt(documentOf(entity), typed.key, { type: typed.type, ...(id !== undefined ? { id } : {}), fields });
      continue;
    }
    const placed = (descriptor.file.nested ?? []).some((nest) => {
      const parentLocal = entity.fields[nest.ref];
      if (typeof parentLocal !== 'string') return false;
      const parentKey = kindOf(nest.in).scope === 'control_plane' ? scopedKey(entity.controlPlane, parentLocal) : parentLocal;
      const parent = items.get(entityRef(nest.in, parentKey));
      if (!parent) return false;
      if (nest.whole !== undefined) {
        const whole = item[nest.whole];
        if (whole !== undefined) parent[nest.as] = whole;
      } else {
        pushAt(parent, nest.as, nestedItem(item, nest.ref, nest.map));
      }
      return true;
    });
    if (!placed) warnings.push(`${descriptor.title} ${entity.key}: its parent is not dumped, left out`);
  }

  for (const [controlPlane, sections] of lookups) {
    const doc = gateway.get(controlPlane);
    if (!doc) continue;
    const usable = [...sections].filter(([section, tags]) => {
      if (tags.length > 0) return true;
      warnings.push(`${controlPlane}: ${section} referenced outside the dump share no tag; add _info.default_lookup_tags.${section} by hand`);
      return false;
    });
    if (usable.length === 0) continue;
    const info = (doc._info ?? {}) as JsonObject;
    info.default_lookup_tags = Object.fromEntries(usable.sort(([a], [b]) => (a < b ? -1 : 1)));
    doc._info = info;
  }

  for (const doc of gateway.values()) {
    if (PLUGIN_DEFINITION_SECTIONS.some((section) => doc[section] !== undefined)) {
      doc._info = { ...((doc._info ?? {}) as JsonObject), include_plugin_definitions: true };
    }
  }

  writeOwner(platform, wanted, warnings);
  const documents: DumpDocument[] = [];
  if (Object.keys(platform).some((key) => !key.startsWith('_'))) documents.push({ file: PLATFORM_FILE, content: platform });
  // No file overwrites another: a control plane named `konnect` does not replace the platform file.
  const taken = new Set([PLATFORM_FILE]);
  for (const [controlPlane, content] of [...gateway].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const file = gatewayFileName(controlPlane, taken);
    taken.add(file);
    documents.push({ file, controlPlane, content: headerFirst(content) });
  }
  return { documents, warnings };
}

/** The owner recorded on the dumped resources becomes the platform file's `_konnect.owner` (one state, one owner). */
function writeOwner(platform: JsonObject, dumped: readonly Entity[], warnings: string[]): void {
  const owners = [...new Set(dumped.map(labelledOwner).filter((owner): owner is string => typeof owner === 'string'))].sort();
  if (owners.length > 1) warnings.push(`the dumped control planes belong to several owners (${owners.join(', ')}): split the platform file per owner before syncing it`);
  const owner = owners[0];
  if (owner === undefined || owner === DEFAULT_OWNER) return;
  platform._konnect = { ...((platform._konnect ?? {}) as JsonObject), owner };
}

/** `_format_version`, `_konnect`, `_info` before the entity lists. */
function headerFirst(content: JsonObject): JsonObject {
  const keys = Object.keys(content);
  const out: JsonObject = {};
  for (const key of [...keys.filter((k) => k.startsWith('_')), ...keys.filter((k) => !k.startsWith('_'))]) out[key] = content[key]!;
  return out;
}

function gatewayHeader(controlPlane: string, selectTags: readonly string[], geo: Geo | undefined): JsonObject {
  const header: JsonObject = { _format_version: '3.0', _konnect: { control_plane_name: controlPlane, ...(geo !== undefined ? { geo } : {}) } };
  if (selectTags.length > 0) header._info = { select_tags: [...selectTags] };
  return header;
}

/**
 * A reference to an entity that is not dumped (a `konnect-managed` partial, or one outside the select tags) resolves
 * through `_info.default_lookup_tags`: the tags every such target carries.
 */
function noteLookups(
  entity: Entity,
  byRef: Map<string, Entity>,
  owned: ReadonlySet<string>,
  selectTags: readonly string[],
  lookups: Map<string, Map<LookupSection, string[]>>,
): void {
  if (entity.controlPlane === undefined) return;
  for (const ref of kindOf(entity.kind).refs) {
    if (ref.lookup === undefined) continue;
    for (const value of getAll(entity.fields, ref.path)) {
      if (typeof value !== 'string') continue;
      const target = byRef.get(entityRef(ref.kind, scopedKey(entity.controlPlane, value)));
      if (!target || (!isServerMade(target, owned) && inSelectTags(target, selectTags))) continue;
      let sections = lookups.get(entity.controlPlane);
      if (!sections) lookups.set(entity.controlPlane, (sections = new Map()));
      const tags = tagsOf(target);
      const known = sections.get(ref.lookup);
      sections.set(ref.lookup, known ? known.filter((tag) => tags.includes(tag)) : tags);
    }
  }
}

/** One document as YAML (`yamlChunks` joined; write the chunks one by one to stream a large dump). */
export function toYaml(document: DumpDocument): string {
  return [...yamlChunks(document.content)].join('');
}
