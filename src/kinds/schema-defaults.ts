// Kong entity schema JSON (what Konnect's `/core-entities/schemas/{plugins,partials}/...` return) → the defaults object
// Konnect fills, shaped like a KONNECT_DEFAULTS entry. Pure: no I/O.
import { scopedKey } from '../model/entity.js';
import { dropNulls, isJsonObject, type Json, type JsonObject } from '../model/json.js';
import type { LearnedDefaults } from './descriptor.js';
import { KONNECT_DEFAULTS } from './konnect-defaults.js';

const ARRAY_TYPES = new Set(['array', 'set']);

/** Kong's `fields` list: an array of single-key objects `{name: {type, default, fields, required}}`. */
function fieldEntries(fields: Json | undefined): Array<[string, JsonObject]> {
  if (!Array.isArray(fields)) return [];
  const out: Array<[string, JsonObject]> = [];
  for (const item of fields) {
    if (!isJsonObject(item)) continue;
    for (const [name, field] of Object.entries(item)) if (isJsonObject(field)) out.push([name, field]);
  }
  return out;
}

/**
 * The value Kong stores for a field that was not sent: its `default`; for a record without one, its sub-fields'
 * defaults (entity records are required unless `required: false`, so Kong fills them); otherwise null.
 */
export function fieldDefault(field: JsonObject): Json {
  const isRecord = field.type === 'record';
  if (Object.hasOwn(field, 'default')) {
    const value = structuredClone(field.default as Json);
    // Lua's cjson writes an empty table as `{}`: for an array field that is the empty list.
    if (ARRAY_TYPES.has(String(field.type)) && isJsonObject(value) && Object.keys(value).length === 0) return [];
    return isRecord && isJsonObject(value) ? { ...recordDefaults(field.fields), ...value } : value;
  }
  if (isRecord && field.required !== false) return recordDefaults(field.fields);
  return null;
}

/** Defaults of every field of a record (or of a whole schema's `fields`). */
export function recordDefaults(fields: Json | undefined): JsonObject {
  const out: JsonObject = {};
  for (const [name, field] of fieldEntries(fields)) out[name] = fieldDefault(field);
  return out;
}

function topField(schema: JsonObject, name: string): JsonObject | undefined {
  return fieldEntries(schema.fields).find(([field]) => field === name)?.[1];
}

/** A plugin's schema → the whole plugin object: the common plugin fields, its `protocols` default, its `config`. */
export function pluginDefaultsFromSchema(schema: JsonObject): JsonObject {
  const out: JsonObject = structuredClone(KONNECT_DEFAULTS.plugin ?? {});
  const protocols = topField(schema, 'protocols');
  if (protocols && Object.hasOwn(protocols, 'default') && Array.isArray(protocols.default)) out.protocols = structuredClone(protocols.default);
  const config = topField(schema, 'config');
  out.config = config ? fieldDefault({ ...config, required: true }) : {};
  return out;
}

/** A partial type's schema → `{config, name, tags}`; Konnect leaves null keys out of partial configs (SOURCES.md). */
export function partialDefaultsFromSchema(schema: JsonObject): JsonObject {
  const config = topField(schema, 'config');
  const filled = config ? fieldDefault({ ...config, required: true }) : {};
  return { config: isJsonObject(filled) ? (dropNulls(filled) as JsonObject) : {}, name: null, tags: null };
}

/** Key of defaults learned for one control plane only (its custom plugins): `payments/plugin:my-plugin`. */
export function localDefaultsKey(controlPlane: string, key: string): string {
  return scopedKey(controlPlane, key);
}

/** Learned defaults as an entity of `controlPlane` sees them: its own (custom plugins) first, then shared ones. */
export function learnedFor(defaults: Readonly<Record<string, JsonObject>> | undefined, controlPlane: string | undefined): LearnedDefaults | undefined {
  if (!defaults) return undefined;
  return (key) => (controlPlane !== undefined ? defaults[localDefaultsKey(controlPlane, key)] : undefined) ?? defaults[key];
}
