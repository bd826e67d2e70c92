import { canonicalJson, isJsonObject, type Json, type JsonObject } from '../../model/json.js';
import { removeAll } from '../../model/paths.js';
import type { Entity } from '../../model/entity.js';
import { kindOf } from '../../kinds/registry.js';
import type { LearnedDefaults } from '../../kinds/descriptor.js';
import type { SecretRewriter } from '../../diff/secrets.js';
import { OWNER_LABEL, PROTECTED_LABEL } from '../../model/ownership.js';

/**
 * Drops null-valued keys at every depth, and objects left empty by that: absent and null compare equal, and files
 * read better without them.
 */
export function withoutNulls(value: Json): Json {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const key of Object.keys(value)) {
    const item = value[key]!;
    if (item === null) continue;
    if (typeof item !== 'object') {
      out[key] = item;
      continue;
    }
    const cleaned = withoutNulls(item);
    if (isJsonObject(item) && isJsonObject(cleaned) && isEmpty(cleaned) && !isEmpty(item)) continue;
    out[key] = cleaned;
  }
  return out;
}

function isEmpty(object: JsonObject): boolean {
  for (const _key in object) return false;
  return true;
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

const FIRST_RANK = new Map(FIRST.map((name, index) => [name, index]));

function byRankThenName(a: string, b: string): number {
  const ia = FIRST_RANK.get(a) ?? FIRST.length;
  const ib = FIRST_RANK.get(b) ?? FIRST.length;
  if (ia !== ib) return ia - ib;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorted key lists by the keys as they come (joined): a dump's items of one kind mostly share one key set. Bounded. */
const SORTED_KEYS = new Map<string, string[]>();
const KEY_SETS_REMEMBERED = 1000;

function sortedKeys(fields: JsonObject): string[] {
  const keys = Object.keys(fields);
  // NUL cannot be in a key of a file konsync writes; a key holding one is sorted afresh rather than trusted to the join.
  if (keys.some((key) => key.includes('\u0000'))) return keys.sort(byRankThenName);
  const signature = keys.join('\u0000');
  let sorted = SORTED_KEYS.get(signature);
  if (sorted === undefined) {
    sorted = keys.sort(byRankThenName);
    if (SORTED_KEYS.size < KEY_SETS_REMEMBERED) SORTED_KEYS.set(signature, sorted);
  }
  return sorted;
}

function ordered(fields: JsonObject): JsonObject {
  const keys = sortedKeys(fields);
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
  /** Defaults learned from Konnect's schemas (LiveState.defaults), for plugins the static table lacks. */
  learned?: LearnedDefaults;
  /** Turns DECK_ values into `${{ env }}` references (`secretRewriter`, made once per dump); none: no DECK_ values. */
  rewrite?: SecretRewriter;
}

/** A gateway entity the file can name only by its id (a service or route without a name): the dump must write it. */
function idIsIdentity(entity: Entity): boolean {
  const descriptor = kindOf(entity.kind);
  return descriptor.scope === 'control_plane' && descriptor.identity(entity.fields) === undefined;
}

/** The entity as it is written in a state file: model fields, no nulls or server-computed values, select tags stripped. */
export function itemOf(entity: Entity, options: ItemOptions): JsonObject {
  const descriptor = kindOf(entity.kind);
  let fields = withoutNulls(entity.fields) as JsonObject;
  // Server-computed values the comparison ignores (a group's max_rps, an attachment id) are not the user's to write.
  for (const path of descriptor.ignore) removeAll(fields, path);
  // A stored hash (a basic-auth password) is salted with its consumer's id: it verifies under that consumer id only.
  if (descriptor.storedAsSent) delete fields[descriptor.storedAsSent.as];
  if (options.skipDefaults && descriptor.defaults) fields = withoutDefaults(fields, descriptor.defaults(entity.fields, options.learned));
  // DECK_ values go back to `${{ env "DECK_X" }}`, as the planner does for plans: no secrets in dumped files.
  if (options.rewrite) fields = options.rewrite(fields) as JsonObject;
  if (Array.isArray(fields.tags)) {
    const tags = fields.tags.filter((tag) => typeof tag !== 'string' || !options.stripTags.includes(tag));
    if (tags.length === 0) delete fields.tags;
    else fields.tags = tags;
  }
  if (entity.id !== undefined && (options.withId || idIsIdentity(entity))) fields.id = entity.id;
  writeOwnership(descriptor.labels, fields);
  return ordered(fields);
}

/**
 * konsync's own labels go back to what the files say: `protected: true`, and `adopt: true` on a resource no konsync
 * state owns (the owner itself becomes the file's `_konnect.owner`).
 */
function writeOwnership(field: string | undefined, fields: JsonObject): void {
  if (field === undefined) return;
  const labels = isJsonObject(fields[field]) ? { ...(fields[field] as JsonObject) } : {};
  if (labels[PROTECTED_LABEL] === 'true') fields.protected = true;
  if (labels[OWNER_LABEL] === undefined) fields.adopt = true;
  delete labels[OWNER_LABEL];
  delete labels[PROTECTED_LABEL];
  if (Object.keys(labels).length > 0) fields[field] = labels;
  else delete fields[field];
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

/** Appends `value` to the list at a dotted path (`cloud_gateways.networks`), creating objects on the way; that list. */
export function pushAt(root: JsonObject, dottedPath: string, value: JsonObject): Json[] {
  const list = dottedPath.includes('.') ? undefined : root[dottedPath];
  if (Array.isArray(list)) {
    list.push(value);
    return list;
  }
  const segments = dottedPath.split('.');
  let node = root;
  for (const segment of segments.slice(0, -1)) {
    if (!isJsonObject(node[segment])) node[segment] = {};
    node = node[segment] as JsonObject;
  }
  const last = segments[segments.length - 1]!;
  if (!Array.isArray(node[last])) node[last] = [];
  const created = node[last] as Json[];
  created.push(value);
  return created;
}
