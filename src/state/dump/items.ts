import { canonicalJson, isJsonObject, type Json, type JsonObject } from '../../model/json.js';
import { removeAll } from '../../model/paths.js';
import type { Entity } from '../../model/entity.js';
import type { EnvUse } from '../../model/state.js';
import { kindOf } from '../../kinds/registry.js';

/**
 * Drops null-valued keys at every depth, and objects left empty by that: absent and null compare equal, and files
 * read better without them.
 */
export function withoutNulls(value: Json): Json {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === null) continue;
    const cleaned = withoutNulls(item);
    if (isJsonObject(item) && Object.keys(item).length > 0 && isJsonObject(cleaned) && Object.keys(cleaned).length === 0) continue;
    out[key] = cleaned;
  }
  return out;
}

/**
 * Puts `${{ env "DECK_X" }}` back where a DECK_ variable's value appears in a string: dumped files hold no secrets, and
 * the loader renders the same value again. Values shorter than 3 characters are left alone (as the masker does).
 */
export function withEnvReferences(value: Json, env: readonly EnvUse[]): Json {
  const uses = env.filter((use) => use.value.length >= 3).sort((a, b) => b.value.length - a.value.length);
  if (uses.length === 0) return value;
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(?<![A-Za-z0-9_])(?:${uses.map((use) => escape(use.value)).join('|')})(?![A-Za-z0-9_])`, 'g');
  const byValue = new Map(uses.map((use) => [use.value, use.name]));
  const visit = (node: Json): Json => {
    if (typeof node === 'string') return node.replace(pattern, (found) => `\${{ env "${byValue.get(found)}" }}`);
    if (Array.isArray(node)) return node.map(visit);
    if (!isJsonObject(node)) return node;
    const out: JsonObject = {};
    for (const [key, item] of Object.entries(node)) out[key] = visit(item);
    return out;
  };
  return visit(value);
}

/** Drops values equal to what Konnect fills in by itself (decK's --skip-defaults): the comparison adds them back. */
export function withoutDefaults(fields: JsonObject, defaults: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(fields)) {
    const fallback = defaults[key];
    if (fallback !== undefined && canonicalJson(value) === canonicalJson(fallback)) continue;
    if (isJsonObject(value) && isJsonObject(fallback)) {
      const rest = withoutDefaults(value, fallback);
      if (Object.keys(rest).length === 0 && Object.keys(value).length > 0) continue;
      out[key] = rest;
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** Identity-like fields first, the rest alphabetically: stable output that reads well. */
const FIRST = ['name', 'username', 'custom_id', 'prefix', 'domain', 'control_plane', 'target'];

function ordered(fields: JsonObject): JsonObject {
  const keys = Object.keys(fields).sort((a, b) => {
    const ia = FIRST.indexOf(a);
    const ib = FIRST.indexOf(b);
    if (ia !== ib) return (ia < 0 ? FIRST.length : ia) - (ib < 0 ? FIRST.length : ib);
    return a < b ? -1 : a > b ? 1 : 0;
  });
  const out: JsonObject = {};
  for (const key of keys) out[key] = fields[key] as Json;
  return out;
}

export interface ItemOptions {
  /** Write the server id (decK-format entities only: platform resources are matched by name). */
  withId: boolean;
  /** Tags removed from the item (the file's select tags). */
  stripTags: readonly string[];
  /** Leave out values equal to Konnect's defaults. */
  skipDefaults: boolean;
  /** DECK_ variables whose values become `${{ env }}` references. */
  env: readonly EnvUse[];
}

/** The entity as it is written in a state file: model fields, no nulls or server-computed values, select tags stripped. */
export function itemOf(entity: Entity, options: ItemOptions): JsonObject {
  const descriptor = kindOf(entity.kind);
  let fields = withoutNulls(entity.fields) as JsonObject;
  // Server-computed values the comparison ignores (a group's max_rps, an attachment id) are not the user's to write.
  for (const path of descriptor.ignore) removeAll(fields, path);
  if (options.skipDefaults && descriptor.defaults) fields = withoutDefaults(fields, descriptor.defaults(entity.fields));
  fields = withEnvReferences(fields, options.env) as JsonObject;
  if (Array.isArray(fields.tags)) {
    const tags = fields.tags.filter((tag) => typeof tag !== 'string' || !options.stripTags.includes(tag));
    if (tags.length === 0) delete fields.tags;
    else fields.tags = tags;
  }
  if (options.withId && entity.id !== undefined) fields.id = entity.id;
  return ordered(fields);
}

/** Turns an entity's item into the item nested in its parent: the parent reference goes, fields are renamed back. */
export function nestedItem(item: JsonObject, ref: string, map: Record<string, string> | undefined): JsonObject {
  const out: JsonObject = { ...item };
  delete out[ref];
  const renamed = new Set<string>();
  for (const [itemField, modelField] of Object.entries(map ?? {})) {
    if (renamed.has(modelField) || out[modelField] === undefined) continue;
    out[itemField] = out[modelField] as Json;
    delete out[modelField];
    renamed.add(modelField);
  }
  return out;
}

/** Appends `value` to the list at a dotted path (`cloud_gateways.networks`), creating objects on the way. */
export function pushAt(root: JsonObject, dottedPath: string, value: JsonObject): void {
  const segments = dottedPath.split('.');
  let node = root;
  for (const segment of segments.slice(0, -1)) {
    if (!isJsonObject(node[segment])) node[segment] = {};
    node = node[segment] as JsonObject;
  }
  const last = segments[segments.length - 1]!;
  if (!Array.isArray(node[last])) node[last] = [];
  (node[last] as Json[]).push(value);
}
