import { createHash } from 'node:crypto';
import { isJsonObject, type Json, type JsonObject } from '../model/json.js';
import type { DecodeContext, EncodeContext, FileLocation, KindDescriptor, RefSpec, SchemaDefaultsSpec } from './descriptor.js';
import type { KindName } from './kind-names.js';
import { KONNECT_DEFAULTS, KONNECT_SETS } from './konnect-defaults.js';

/** Fields every core entity has that the server makes. */
export const SERVER_FIELDS = ['id', 'created_at', 'updated_at'];

const CORE_BASE = '/control-planes/{controlPlaneId}/core-entities';
/** Set paths of a kind the table lacks: one array, so the planner's per-array cache of sorted set paths hits. */
const TAGS_ONLY = ['tags'];

export interface CoreEntityOptions {
  kind: KindName;
  title: string;
  /** Collection segment under core-entities: `services`, `custom-plugins`. */
  collection: string;
  file: FileLocation;
  identity: KindDescriptor['identity'];
  /** Top-level model fields holding a natural key that the API holds as `{id}`. */
  refs?: RefSpec[];
  immutable?: string[];
  ignore?: string[];
  /** Key into KONNECT_DEFAULTS / KONNECT_SETS for these fields, e.g. `plugin:${name}`. */
  defaultsKey?(fields: JsonObject): string;
  /** Table key used when neither the table nor the learned defaults have `defaultsKey`'s: `plugin`. */
  defaultsFallback?: string;
  /**
   * Konnect's schema of these fields' `field` value, for keys the table lacks: `schemas/<collection>/<value>`.
   * `localTo`: see SchemaDefaultsSpec.
   */
  schema?: { field: string; collection: string; convert: SchemaDefaultsSpec['convert']; localTo?: SchemaDefaultsSpec['localTo'] };
  parent?: KindDescriptor['parent'] & { collection: string };
  overrides?: Partial<KindDescriptor>;
}

/** A content hash for entities with no name (certificates): stable across desired and live. */
export function contentKey(prefix: string, content: Json | undefined): string | undefined {
  if (typeof content !== 'string' || content.length === 0) return undefined;
  return `${prefix}-${createHash('sha256').update(content.trim()).digest('hex').slice(0, 12)}`;
}

/** `{id}` object references ↔ natural keys, for top-level ref fields. */
export function encodeObjectRefs(fields: JsonObject, refs: RefSpec[], ctx: EncodeContext): JsonObject {
  const body: JsonObject = { ...fields };
  for (const ref of refs) {
    if (ref.path.includes('[]') || ref.path.includes('.')) continue;
    const value = body[ref.path];
    if (typeof value === 'string') body[ref.path] = { id: ctx.id(ref.kind, value) };
  }
  return body;
}

export function decodeObjectRefs(raw: JsonObject, refs: RefSpec[], ctx: DecodeContext): JsonObject {
  // Keys first, the copy after: a reader that must wait for a key stops at the lookup (see Decoder.decodeItem).
  let names: Array<[string, string]> | undefined;
  for (const ref of refs) {
    if (ref.path.includes('[]') || ref.path.includes('.')) continue;
    const value = raw[ref.path];
    if (isJsonObject(value) && typeof value.id === 'string') (names ??= []).push([ref.path, ctx.key(ref.kind, value.id) ?? `id:${value.id}`]);
  }
  // One pass that leaves out server fields and null references: a `delete` afterwards would turn the copy (every
  // plugin's, whose service/route/consumer are mostly null) into a slow dictionary-mode object.
  const fields: JsonObject = {};
  for (const name of Object.keys(raw)) {
    const value = raw[name]!;
    if (SERVER_FIELDS.includes(name) || (value === null && refs.some((ref) => ref.path === name))) continue;
    fields[name] = value;
  }
  for (const [path, name] of names ?? []) fields[path] = name;
  return fields;
}

export function coreEntity(options: CoreEntityOptions): KindDescriptor {
  const refs = options.refs ?? [];
  const list = options.parent
    ? `${CORE_BASE}/${options.parent.collection}/{parentId}/${options.collection}`
    : `${CORE_BASE}/${options.collection}`;
  const defaultsKey = options.defaultsKey ?? (() => options.kind);
  const fallback = options.defaultsFallback ?? options.kind;
  const descriptor: KindDescriptor = {
    kind: options.kind,
    title: options.title,
    api: 'core-entities',
    scope: 'control_plane',
    file: options.file,
    identity: options.identity,
    refs,
    immutable: options.immutable ?? [],
    ignore: options.ignore ?? [],
    sets: (fields) => KONNECT_SETS[defaultsKey(fields)] ?? KONNECT_SETS[fallback] ?? TAGS_ONLY,
    // The static table wins over learned schemas: it encodes where Konnect deviates from them (partial null keys).
    defaults: (fields, learned) => {
      const key = defaultsKey(fields);
      return KONNECT_DEFAULTS[key] ?? learned?.(key) ?? KONNECT_DEFAULTS[fallback] ?? {};
    },
    paths: { list, item: `${list}/{id}`, pagination: 'offset', pageSize: 1000 },
    validateAs: options.collection,
    write: {
      create: { method: 'POST', path: 'list' },
      update: { method: 'PUT', path: 'item' },
      delete: { method: 'DELETE', path: 'item' },
    },
    ...(options.parent ? inParentPath(options.parent.field, refs) : withObjectRefs(refs)),
    ...options.overrides,
  };
  if (options.parent) descriptor.parent = { kind: options.parent.kind, field: options.parent.field };
  if (options.schema) descriptor.schemaDefaults = schemaSpec(options.schema, defaultsKey);
  return descriptor;
}

function withObjectRefs(refs: RefSpec[]): Pick<KindDescriptor, 'encode' | 'decode'> {
  return { encode: (fields, ctx) => encodeObjectRefs(fields, refs, ctx), decode: (raw, ctx) => decodeObjectRefs(raw, refs, ctx) };
}

/** A child's parent is in its path, not its body: the body leaves the parent field out; reads take it from the listing. */
function inParentPath(field: string, allRefs: RefSpec[]): Pick<KindDescriptor, 'encode' | 'decode'> {
  const refs = allRefs.filter((ref) => ref.path !== field);
  return {
    encode: (fields, ctx) => {
      const { [field]: _parent, ...body } = fields;
      return encodeObjectRefs(body, refs, ctx);
    },
    decode: (raw, ctx) => ({ ...decodeObjectRefs(raw, refs, ctx), [field]: ctx.parentKey ?? null }),
  };
}

function schemaSpec(schema: NonNullable<CoreEntityOptions['schema']>, defaultsKey: (fields: JsonObject) => string): SchemaDefaultsSpec {
  const spec: SchemaDefaultsSpec = {
    of: (fields) => {
      const name = fields[schema.field];
      const key = defaultsKey(fields);
      if (typeof name !== 'string' || name === '' || key in KONNECT_DEFAULTS) return undefined;
      return { key, name, path: `${CORE_BASE}/schemas/${schema.collection}/${encodeURIComponent(name)}` };
    },
    convert: schema.convert,
  };
  if (schema.localTo) spec.localTo = schema.localTo;
  return spec;
}
