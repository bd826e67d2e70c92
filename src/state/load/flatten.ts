import type { Problem } from '../../errors.js';
import { cloneJson, isJsonObject, type Json, type JsonObject } from '../../model/json.js';
import { getPath } from '../../model/paths.js';
import { deepMerge } from '../../diff/json-tools.js';
import type { FileLocation, KindDescriptor } from '../../kinds/descriptor.js';
import { ALL_KINDS, kindOf } from '../../kinds/registry.js';
import type { KindName } from '../../kinds/kind-names.js';
import { displayName, type DraftEntity, type LoadedFile } from './draft.js';
import type { FieldPath } from './field-path.js';
import { problemAt } from './parse-source.js';
import { expandShorthands } from './shorthands.js';
import { INTENT_KEYS } from '../../model/ownership.js';
import type { Geo } from '../../model/state.js';

type NestedSpec = NonNullable<FileLocation['nested']>[number] & { kind: KindName };

/** Fields the server makes; a file may carry them (decK dumps do) but they are never desired. */
const SERVER_MADE = ['created_at', 'updated_at'];

/** Nested lists per parent kind, from the descriptors' `file.nested` declarations. */
const NESTED_BY_PARENT = new Map<KindName, NestedSpec[]>();
for (const descriptor of ALL_KINDS) {
  for (const spec of descriptor.file.nested ?? []) {
    const list = NESTED_BY_PARENT.get(spec.in) ?? [];
    list.push({ ...spec, kind: descriptor.kind });
    NESTED_BY_PARENT.set(spec.in, list);
  }
}
/** The item keys that are not the entity's fields, per kind: its nested lists, server-made fields and `id`. */
const NOT_FIELDS = new Map(
  ALL_KINDS.map((descriptor) => [descriptor.kind, new Set([...(NESTED_BY_PARENT.get(descriptor.kind) ?? []).map((spec) => spec.as), ...SERVER_MADE, 'id'])]),
);

/** Entities with tags get the file's select tags (decK's MustMergeTags). */
function addSelectTags(descriptor: KindDescriptor, fields: JsonObject, selectTags: string[]): void {
  if (selectTags.length === 0 || !descriptor.sets(fields).includes('tags')) return;
  // The fields are the draft's own copy: changed in place, and only when a select tag is missing (usually none is).
  if (!Array.isArray(fields.tags)) fields.tags = [];
  const tags = fields.tags;
  for (const tag of selectTags) if (!tags.includes(tag)) tags.push(tag);
}

const NO_INTENT: { protected?: boolean; adopt?: boolean; absent?: boolean } = Object.freeze({});

/** Removes `protected`, `adopt`, `absent` from a platform resource's fields and returns which were true. */
function takeIntent(fields: JsonObject): { protected?: boolean; adopt?: boolean; absent?: boolean } {
  const out: { protected?: boolean; adopt?: boolean; absent?: boolean } = {};
  for (const key of INTENT_KEYS) {
    if (fields[key] === true) out[key] = true;
    delete fields[key];
  }
  return out;
}

/**
 * Whether the file looks `target` up in Konnect by `_info.default_lookup_tags` from `referrer`: then an item naming it
 * stays a reference (decK uses the looked-up entity instead of declaring one).
 */
function foundByLookup(referrer: KindDescriptor, target: KindName, file: LoadedFile): boolean {
  const section = referrer.refs.find((ref) => ref.kind === target)?.lookup;
  return section !== undefined && file.header.lookupTags[section] !== undefined;
}

interface Parent {
  spec: NestedSpec;
  kind: KindName;
  key: string;
}

/**
 * Turns one file's nested decK/konsync layout into flat draft entities, driven only by the descriptors' `file`
 * declarations: top-level lists (`file.key`) and lists inside other kinds' items (`file.nested`).
 */
export function flattenFile(file: LoadedFile, root: JsonObject): { drafts: DraftEntity[]; problems: Problem[] } {
  const drafts: DraftEntity[] = [];
  const problems: Problem[] = [];
  const report = (path: FieldPath, message: string) => problems.push(problemAt(file.source, path, message));

  const addDraft = (kind: KindName, fields: JsonObject, path: FieldPath, id: string | undefined, referenceOnly = false): DraftEntity => {
    const descriptor = kindOf(kind);
    const draft: DraftEntity = { kind, fields, file, path };
    if (referenceOnly) draft.referenceOnly = true;
    if (id !== undefined) draft.id = id;
    if (descriptor.scope === 'control_plane') draft.controlPlane = file.header.controlPlane;
    drafts.push(draft);
    return draft;
  };

  const visitItem = (kind: KindName, item: JsonObject, path: FieldPath, parent?: Parent): void => {
    const descriptor = kindOf(kind);
    const nestedSpecs = NESTED_BY_PARENT.get(kind) ?? [];
    const notFields = NOT_FIELDS.get(kind)!;
    // The file's data is a tree the loader owns (ParsedSource.value) and each item is visited once: the draft takes the
    // item's values as they are (drafts still never share). Its own object, so that removing a key leaves the file's.
    let fields: JsonObject = {};
    for (const name in item) {
      if (!notFields.has(name)) fields[name] = item[name]!;
    }
    const id = typeof item.id === 'string' ? item.id : undefined;
    // How konsync should treat a platform resource is not part of it: kept beside its fields, never sent.
    const intent = descriptor.scope === 'org' ? takeIntent(fields) : NO_INTENT;
    // Where the entity lives is not part of it either: `Entity.geo`, resolved with the files' geos (control-plane-geos.ts).
    const geoField = descriptor.geoField;
    const writtenGeo = geoField !== undefined && !parent?.spec.map ? fields[geoField] : undefined;
    if (geoField !== undefined) delete fields[geoField];
    let writtenAs: Record<string, string> | undefined;
    if (parent?.spec.map) {
      // A mapped item only references another entity (`groups: [{name}]`): its other fields belong to that entity.
      fields = {};
      for (const [from, to] of Object.entries(parent.spec.map)) {
        if (item[from] === undefined || fields[to] !== undefined) continue;
        fields[to] = cloneJson(item[from] as Json);
        if (from !== to) (writtenAs ??= {})[to] = from;
      }
    }
    if (parent) {
      if (fields[parent.spec.ref] !== undefined && !parent.spec.map) {
        const parentTitle = kindOf(parent.kind).title;
        report([...path, parent.spec.ref], `nesting ${parentTitle} (${parent.key}) under ${parentTitle}-scoped ${descriptor.title} (${displayName(fields)}) is not allowed`);
        return;
      }
      fields[parent.spec.ref] = parent.key;
    }
    const draft = addDraft(kind, fields, path, parent?.spec.map ? undefined : id, parent?.spec.map !== undefined);
    if (intent.absent) draft.absent = true;
    if (typeof writtenGeo === 'string') draft.geo = writtenGeo as Geo;
    if (intent.protected || intent.adopt) draft.intent = { ...(intent.protected ? { protected: true } : {}), ...(intent.adopt ? { adopt: true } : {}) };
    if (writtenAs) draft.writtenAs = writtenAs;
    const declares = parent?.spec.declares;
    if (declares !== undefined && !foundByLookup(descriptor, declares, file)) {
      const declared: JsonObject = {};
      for (const name of Object.keys(item)) if (!SERVER_MADE.includes(name) && name !== 'id') declared[name] = cloneJson(item[name]!);
      const passing = addDraft(declares, declared, path, id);
      passing.inPassing = true;
      addSelectTags(kindOf(declares), passing.fields, file.header.selectTags);
    }
    // Shorthands first: a service `url` conflicts with a `port` written beside it, not with one from `_info.defaults`.
    expandShorthands(draft, problems);
    const defaults = file.header.defaults[kind];
    // File values win; objects merge recursively (decK's `_info.defaults`). A copy: drafts never share objects.
    if (defaults) draft.fields = deepMerge(cloneJson(defaults), draft.fields);
    addSelectTags(descriptor, draft.fields, file.header.selectTags);
    fields = draft.fields;

    for (const spec of nestedSpecs) {
      const list = item[spec.as];
      if (!Array.isArray(list)) continue;
      const key = descriptor.identity(fields, id);
      if (key === undefined) {
        report(path, `${descriptor.title} with nested ${spec.as} needs a name (or an id) so they can refer to it`);
        continue;
      }
      if (spec.whole !== undefined) {
        addDraft(spec.kind, { [spec.ref]: key, [spec.whole]: cloneJson(list) }, path, undefined);
        continue;
      }
      list.forEach((child, index) => {
        if (isJsonObject(child)) visitItem(spec.kind, child, [...path, spec.as, index], { spec, kind, key });
      });
    }
  };

  for (const descriptor of ALL_KINDS) {
    const typed = descriptor.file.typed;
    const list = typed ? root[typed.key] : undefined;
    if (!typed || !Array.isArray(list)) continue;
    list.forEach((item, index) => {
      if (!isJsonObject(item) || item.type !== typed.type || !isJsonObject(item.fields)) return;
      const fields = cloneJson(item.fields);
      if (item.id !== undefined) fields.id = item.id;
      visitItem(descriptor.kind, fields, [typed.key, index, 'fields']);
    });
  }
  for (const descriptor of ALL_KINDS) {
    const dotted = descriptor.file.key;
    if (dotted === undefined) continue;
    const list = getPath(root, dotted);
    if (!Array.isArray(list)) continue;
    const base = dotted.split('.');
    list.forEach((item, index) => {
      if (isJsonObject(item)) visitItem(descriptor.kind, item, [...base, index]);
    });
  }
  return { drafts, problems };
}
