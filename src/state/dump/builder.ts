import { isJsonObject, type Json, type JsonObject } from '../../model/json.js';
import { getAll } from '../../model/paths.js';
import { entityRef, scopedKey, type Entity } from '../../model/entity.js';
import { GEOS, type Geo, type LookupSection } from '../../model/state.js';
import { KIND_NAMES, type KindName } from '../../kinds/kind-names.js';
import { kindOf } from '../../kinds/registry.js';
import { secretRewriter, type SecretRewriter } from '../../diff/secrets.js';
import { labelledOwner } from '../../diff/ownership.js';
import { DEFAULT_OWNER } from '../../model/ownership.js';
import { learnedFor } from '../../kinds/schema-defaults.js';
import { NEEDS_PLUGIN_DEFINITIONS } from '../load/ownership.js';
import { CONTROL_PLANE_KIND } from '../../kinds/control-plane-kind.js';
import { inSelectTags, isServerMade, tagsOf } from './select.js';
import { itemOf, nestedItem, pushAt } from './items.js';
import { listItem, renderListInSteps, type RenderedList } from './yaml-writer.js';
import type { DumpDocument, DumpOptions, DumpResult } from './types.js';

const PLATFORM_FILE = 'konnect.yaml';

const KIND_ORDER = new Map(KIND_NAMES.map((kind, index) => [kind, index]));

/** Entities placed, or items rendered, per step of `addInSteps`: some milliseconds of work. */
const STEP = 200;

/** Sections a file may hold only with `_info.include_plugin_definitions: true` (the loader's rule, as decK's). */
const PLUGIN_DEFINITION_SECTIONS = NEEDS_PLUGIN_DEFINITIONS.map((kind) => kindOf(kind).file.key).filter((key): key is string => key !== undefined);

/** Kind → the kinds whose items may be nested into its items (a consumer's credentials): its items change until those are placed. */
const NESTED_INTO = new Map<KindName, KindName[]>();
for (const kind of KIND_NAMES) {
  const file = kindOf(kind).file;
  if (file.key !== undefined || file.typed !== undefined) continue;
  for (const nest of file.nested ?? []) NESTED_INTO.set(nest.in, [...(NESTED_INTO.get(nest.in) ?? []), kind]);
}

/** Kinds whose items others are placed in, or checked against (a typed kind's parent): `place` keeps their items by ref. */
const HOLDS_OTHERS = new Set<KindName>();
for (const kind of KIND_NAMES) {
  const { file, parent } = kindOf(kind);
  if (file.typed !== undefined && parent !== undefined) HOLDS_OTHERS.add(parent.kind);
  if (file.key === undefined && file.typed === undefined) for (const nest of file.nested ?? []) HOLDS_OTHERS.add(nest.in);
}

/** Kind → its references that resolve through `_info.default_lookup_tags` when their target is not dumped. */
const LOOKUP_REFS = new Map(KIND_NAMES.map((kind) => [kind, kindOf(kind).refs.filter((ref) => ref.lookup !== undefined)]));

/** What `prepare` worked out for an entity, until it is placed. */
interface Prepared {
  /** Its item, when it was wanted then. */
  item?: JsonObject;
  /** The item as YAML, when nothing is nested into its kind's items. */
  text?: string;
  /** The entities its lookup references name (see `noteLookups`). */
  targets?: Array<[LookupSection, Entity]>;
}

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

interface Warning {
  order: number;
  key: string;
  text: string;
}

/** A gateway file's top-level lists of one kind, waiting until no later kind nests into them to be rendered. */
interface Pending {
  kind: KindName;
  list: Json[];
}

/** The list at a dotted path of a file body. */
function listAt(body: JsonObject | undefined, dottedPath: string): Json[] | undefined {
  let node: Json | undefined = body;
  for (const segment of dottedPath.split('.')) node = isJsonObject(node) ? node[segment] : undefined;
  return Array.isArray(node) ? node : undefined;
}

/**
 * Live state → konsync state files, built as the read delivers it: `add` takes one kind's entities of one scope (the
 * platform or one control plane) at a time, after the kinds it depends on (the read's decode order), so that referenced,
 * owning and parent entities are known before their referrers; the files come out as if built in KIND_NAMES order.
 * Before that, `prepare` may take each gateway entity as soon as it is decoded (page by page) and make its item and
 * YAML, so `add` mostly places and joins. Gateway entities are placed at once, and a gateway file's list of a kind is
 * rendered as YAML (`rendered`) as soon as no later kind can nest into its items: little is left for `finish` and the
 * writing after the last request. Platform resources are placed by `finish`: the read settles their geo last.
 */
export class DumpBuilder {
  /** Top-level lists rendered ahead, by identity: `yamlChunks` writes these bytes instead of rendering the items again. */
  readonly rendered = new Map<readonly Json[], RenderedList>();
  private readonly selectTags: readonly string[];
  private readonly rewrite: SecretRewriter | undefined;
  private readonly owned = new Set<string>();
  /** Kind → key → entity: keyed by the entity's own key string, no ref string made per entity. */
  private readonly byKey = new Map<KindName, Map<string, Entity>>();
  private readonly all: Entity[] = [];
  private readonly platformLater: Entity[] = [];
  private readonly owners = new Set<string>();
  private readonly items = new Map<string, JsonObject>();
  /** Top-level lists of each control plane's file, in the order they were first filled. */
  private readonly gateway = new Map<string, JsonObject>();
  /** Section → the first kind (KIND_NAMES index) that lists items in it. */
  private readonly sectionRank = new Map<string, number>();
  private readonly lookups = new Map<string, Map<LookupSection, string[]>>();
  private readonly warnings: Warning[] = [];
  private readonly seen = new Map<string, Set<KindName>>();
  private readonly pending = new Map<string, Pending[]>();
  private readonly targets = new Map<Entity, boolean>();
  /** Entities `prepare` saw (and indexed), until placed. */
  private readonly prepared = new Map<Entity, Prepared>();
  /** A top-level list → its items' YAML rendered by `prepare`, by index (holes for the others). */
  private readonly texts = new Map<readonly Json[], Array<string | undefined>>();
  private platform: JsonObject = {};

  constructor(
    private readonly options: DumpOptions = {},
    private readonly defaults?: Readonly<Record<string, JsonObject>>,
  ) {
    this.selectTags = options.selectTags ?? [];
    this.rewrite = secretRewriter(options.env ?? []);
  }

  /**
   * One kind's live entities of one scope, sorted by key. Call once per kind and scope, even with none, after the
   * kinds it references, is listed under or nested in (the read's order); kinds nested in others in KIND_NAMES order.
   */
  add(kind: KindName, entities: readonly Entity[], controlPlane?: string): void {
    for (const _step of this.addInSteps(kind, entities, controlPlane));
  }

  /**
   * `add` in steps of about STEP entities or rendered items: a caller sharing the thread with the read runs one step at
   * a time between its requests (a long synchronous stretch would hold back the next request past its turn).
   */
  *addInSteps(kind: KindName, entities: readonly Entity[], controlPlane?: string): Generator<void> {
    for (const entity of entities) if (!this.prepared.has(entity)) this.index(entity);
    const wanted = entities.filter((entity) => this.wanted(entity));
    if (kindOf(kind).scope !== 'control_plane') {
      for (const entity of wanted) this.platformLater.push(entity);
      return;
    }
    for (let i = 0; i < wanted.length; i++) {
      this.place(wanted[i]!);
      if ((i + 1) % STEP === 0) yield;
    }
    if (controlPlane !== undefined) yield* this.renderFinished(controlPlane, kind, wanted);
  }

  /**
   * Works out a gateway entity's item, and renders it when no other kind nests into it, ahead of `add`: for a caller
   * that has the entities before their kind is complete (the read decodes each page as it arrives), so that little is
   * left for `add` after the read's last page. Optional: the files are the same without it. Prepared, an entity's
   * lookup targets are resolved now: prepare every entity of the kinds it names before it (the read's decode order),
   * or none of them.
   */
  prepare(entity: Entity): void {
    const descriptor = kindOf(entity.kind);
    if (descriptor.scope !== 'control_plane' || this.prepared.has(entity)) return;
    // What it names is decoded, so prepared, before it: the targets of its references are known.
    this.index(entity);
    const ready: Prepared = {};
    const targets = this.lookupTargets(entity);
    if (targets !== undefined) ready.targets = targets;
    // Only a filter: what Konnect made is known from the org kinds, maybe not all added yet; `add` decides.
    if (this.wanted(entity)) {
      ready.item = this.itemOf(entity);
      if (descriptor.file.key !== undefined && !NESTED_INTO.has(entity.kind)) ready.text = listItem(ready.item);
    }
    this.prepared.set(entity, ready);
  }

  /** Every entity, in dependency order then key (the pure `dumpState`). */
  addAll(entities: readonly Entity[]): void {
    for (const entity of entities) this.index(entity);
    for (const entity of entities.filter((one) => this.wanted(one)).sort(byKindThenKey)) {
      if (kindOf(entity.kind).scope === 'control_plane') this.place(entity);
      else this.platformLater.push(entity);
    }
  }

  finish(): DumpResult {
    const readGeo = this.options.geo ?? GEOS[0];
    // With several geos, every file names its geo: a file naming none would take the one geo the others name.
    const severalGeos = this.all.some((entity) => entity.geo !== undefined && entity.geo !== readGeo);
    this.platform = this.options.geo || severalGeos ? { _konnect: { geo: readGeo } } : {};
    for (const entity of this.platformLater.sort(byKindThenKey)) this.place(entity);
    const warnings = this.warnings.sort((a, b) => a.order - b.order || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((warning) => warning.text);

    // A control plane outside the dump's geo says where it is, so that the files load back to the same place.
    const geoOf = (controlPlane: string) => this.find(CONTROL_PLANE_KIND, controlPlane)?.geo ?? (severalGeos ? readGeo : undefined);
    const docs = new Map<string, JsonObject>();
    for (const name of [...(this.options.controlPlanes ?? []), ...this.gateway.keys()]) {
      if (!docs.has(name)) docs.set(name, { ...gatewayHeader(name, this.selectTags, geoOf(name)), ...this.inKindOrder(this.gateway.get(name) ?? {}) });
    }
    for (const [controlPlane, sections] of this.lookups) {
      const doc = docs.get(controlPlane);
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
    for (const doc of docs.values()) {
      if (PLUGIN_DEFINITION_SECTIONS.some((section) => doc[section] !== undefined)) {
        doc._info = { ...((doc._info ?? {}) as JsonObject), include_plugin_definitions: true };
      }
    }
    this.writeOwner(warnings);

    const documents: DumpDocument[] = [];
    if (Object.keys(this.platform).some((key) => !key.startsWith('_'))) documents.push({ file: PLATFORM_FILE, content: this.platform });
    // No file overwrites another: a control plane named `konnect` does not replace the platform file.
    const taken = new Set([PLATFORM_FILE]);
    for (const [controlPlane, content] of [...docs].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const file = gatewayFileName(controlPlane, taken);
      taken.add(file);
      documents.push({ file, controlPlane, content: headerFirst(content) });
    }
    return { documents, warnings };
  }

  private index(entity: Entity): void {
    this.all.push(entity);
    let byKey = this.byKey.get(entity.kind);
    if (!byKey) this.byKey.set(entity.kind, (byKey = new Map()));
    byKey.set(entity.key, entity);
    const owns = kindOf(entity.kind).owns;
    if (owns && entity.raw) for (const item of owns(entity.raw)) this.owned.add(`${item.kind}|${item.id}`);
  }

  private find(kind: KindName, key: string): Entity | undefined {
    return this.byKey.get(kind)?.get(key);
  }

  private wanted(entity: Entity): boolean {
    if (isServerMade(entity, this.owned)) return false;
    const only = this.options.controlPlanes;
    if (kindOf(entity.kind).scope !== 'control_plane') return only === undefined;
    return (only?.includes(entity.controlPlane ?? '') ?? true) && inSelectTags(entity, this.selectTags);
  }

  /** The file body an entity's list item goes to, its `section` listed in dependency order whatever order kinds come in. */
  private bodyOf(entity: Entity, section: string): JsonObject {
    if (entity.controlPlane === undefined) return this.platform;
    let body = this.gateway.get(entity.controlPlane);
    if (!body) this.gateway.set(entity.controlPlane, (body = {}));
    const rank = KIND_ORDER.get(entity.kind)!;
    if (!(this.sectionRank.get(section)! <= rank)) this.sectionRank.set(section, rank);
    return body;
  }

  /** A control plane's sections in the order the kinds that first filled them come in KIND_NAMES. */
  private inKindOrder(body: JsonObject): JsonObject {
    const out: JsonObject = {};
    for (const section of Object.keys(body).sort((a, b) => this.sectionRank.get(a)! - this.sectionRank.get(b)!)) out[section] = body[section]!;
    return out;
  }

  private warn(entity: Entity, text: string): void {
    this.warnings.push({ order: KIND_ORDER.get(entity.kind)!, key: entity.key, text });
  }

  private itemOf(entity: Entity): JsonObject {
    const descriptor = kindOf(entity.kind);
    const item = itemOf(entity, {
      withId: this.options.withId === true && descriptor.scope === 'control_plane',
      stripTags: this.selectTags,
      skipDefaults: this.options.skipDefaults === true,
      rewrite: this.rewrite,
      learned: learnedFor(this.defaults, entity.controlPlane),
    });
    if (descriptor.geoField !== undefined && entity.geo !== undefined) item[descriptor.geoField] = entity.geo;
    return item;
  }

  private place(entity: Entity): void {
    const descriptor = kindOf(entity.kind);
    const owner = labelledOwner(entity);
    if (typeof owner === 'string') this.owners.add(owner);
    const ready = this.prepared.get(entity);
    if (ready !== undefined) this.prepared.delete(entity);
    const item = ready?.item ?? this.itemOf(entity);
    if (HOLDS_OTHERS.has(entity.kind)) this.items.set(entityRef(entity.kind, entity.key), item);
    this.noteLookups(entity, ready !== undefined ? ready.targets : this.lookupTargets(entity));
    if (descriptor.file.key !== undefined) {
      const list = pushAt(this.bodyOf(entity, descriptor.file.key), descriptor.file.key, item);
      if (ready?.text !== undefined) {
        let texts = this.texts.get(list);
        if (!texts) this.texts.set(list, (texts = []));
        texts[list.length - 1] = ready.text;
      }
      return;
    }
    const typed = descriptor.file.typed;
    if (typed !== undefined) {
      // Listed apart from their parent, they still follow it (its select tags): a file never names a parent it lacks.
      const parent = descriptor.parent;
      const parentLocal = parent ? entity.fields[parent.field] : undefined;
      if (parent && (typeof parentLocal !== 'string' || !this.items.has(entityRef(parent.kind, scopedKey(entity.controlPlane, parentLocal))))) {
        this.warn(entity, `${descriptor.title} ${entity.key}: its parent is not dumped, left out`);
        return;
      }
      const { id, ...fields } = item;
      // decK reads references inside `fields` only as objects (`service: {name}`): a plain name would be lost there.
      for (const ref of descriptor.refs) {
        const value = fields[ref.path];
        if (typeof value === 'string') fields[ref.path] = { name: value };
      }
      pushAt(this.bodyOf(entity, typed.key), typed.key, { type: typed.type, ...(id !== undefined ? { id } : {}), fields });
      return;
    }
    const placed = (descriptor.file.nested ?? []).some((nest) => {
      const parentLocal = entity.fields[nest.ref];
      if (typeof parentLocal !== 'string') return false;
      const parentKey = kindOf(nest.in).scope === 'control_plane' ? scopedKey(entity.controlPlane, parentLocal) : parentLocal;
      const parent = this.items.get(entityRef(nest.in, parentKey));
      if (!parent) return false;
      if (nest.whole !== undefined) {
        const whole = item[nest.whole];
        if (whole !== undefined) parent[nest.as] = whole;
      } else {
        pushAt(parent, nest.as, nestedItem(item, nest.ref, nest.map));
      }
      return true;
    });
    if (!placed) this.warn(entity, `${descriptor.title} ${entity.key}: its parent is not dumped, left out`);
  }

  /**
   * Renders the top-level lists of the control plane's kinds that no kind still to come nests into, as bytes (off the
   * heap the garbage collector walks). Typed kinds' lists are not rendered ahead: they are few, and share a section.
   */
  private *renderFinished(controlPlane: string, kind: KindName, placed: readonly Entity[]): Generator<void> {
    let seen = this.seen.get(controlPlane);
    if (!seen) this.seen.set(controlPlane, (seen = new Set()));
    seen.add(kind);
    const pending = this.pending.get(controlPlane) ?? [];
    const section = kindOf(kind).file.key;
    const list = section !== undefined && placed.length > 0 ? listAt(this.gateway.get(controlPlane), section) : undefined;
    if (list !== undefined) pending.push({ kind, list });
    const waiting: Pending[] = [];
    this.pending.set(controlPlane, waiting);
    for (const one of pending) {
      if ((NESTED_INTO.get(one.kind) ?? []).some((nester) => !seen.has(nester))) waiting.push(one);
      else {
        this.rendered.set(one.list, yield* renderListInSteps(one.list, STEP, this.texts.get(one.list)));
        this.texts.delete(one.list);
      }
    }
  }

  /** The entities an entity's lookup references name, in reference order; undefined for none. */
  private lookupTargets(entity: Entity): Array<[LookupSection, Entity]> | undefined {
    if (entity.controlPlane === undefined) return undefined;
    let targets: Array<[LookupSection, Entity]> | undefined;
    for (const ref of LOOKUP_REFS.get(entity.kind)!) {
      for (const value of getAll(entity.fields, ref.path)) {
        if (typeof value !== 'string') continue;
        const target = this.find(ref.kind, scopedKey(entity.controlPlane, value));
        if (target) (targets ??= []).push([ref.lookup!, target]);
      }
    }
    return targets;
  }

  /**
   * A reference to an entity that is not dumped (a `konnect-managed` partial, or one outside the select tags) resolves
   * through `_info.default_lookup_tags`: the tags every such target carries.
   */
  private noteLookups(entity: Entity, targets: ReadonlyArray<[LookupSection, Entity]> | undefined): void {
    if (entity.controlPlane === undefined || targets === undefined) return;
    for (const [lookup, target] of targets) {
      if (this.dumpedTarget(target)) continue;
      let sections = this.lookups.get(entity.controlPlane);
      if (!sections) this.lookups.set(entity.controlPlane, (sections = new Map()));
      const tags = tagsOf(target);
      const known = sections.get(lookup);
      sections.set(lookup, known ? known.filter((tag) => tags.includes(tag)) : tags);
    }
  }

  /** Whether a referenced entity is in the dump (asked once per target: many entities name one service or partial). */
  private dumpedTarget(target: Entity): boolean {
    let dumped = this.targets.get(target);
    if (dumped === undefined) this.targets.set(target, (dumped = !isServerMade(target, this.owned) && inSelectTags(target, this.selectTags)));
    return dumped;
  }

  /** The owner recorded on the dumped resources becomes the platform file's `_konnect.owner` (one state, one owner). */
  private writeOwner(warnings: string[]): void {
    const owners = [...this.owners].sort();
    if (owners.length > 1) warnings.push(`the dumped control planes belong to several owners (${owners.join(', ')}): split the platform file per owner before syncing it`);
    const owner = owners[0];
    if (owner === undefined || owner === DEFAULT_OWNER) return;
    this.platform._konnect = { ...((this.platform._konnect ?? {}) as JsonObject), owner };
  }
}

function byKindThenKey(a: Entity, b: Entity): number {
  return KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)! || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
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
