import type { EmulatorContext } from '../types.js';
import { isJsonObject, type JsonObject } from '../../model/json.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** One collection of one control plane, created on first use. */
export function collectionOf(ctx: EmulatorContext, controlPlaneId: string, collection: string): Record<string, JsonObject> {
  const core = (ctx.data.core[controlPlaneId] ??= {});
  return (core[collection] ??= {});
}

/** Creation order (ties by id): the order of every list. */
export function compareByCreation(a: JsonObject, b: JsonObject): number {
  return Number(a.created_at) - Number(b.created_at) || (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0);
}

interface SortedSnapshot {
  ids: string[];
  items: JsonObject[];
}

// A list reads one page of a collection, and a reader reads every page: sorting the whole collection for each page
// made a read quadratic. The sorted order is kept per collection object and reused while the collection holds
// exactly the same item objects (every write stores a new object, so a write is seen without hooks into it).
const snapshots = new WeakMap<Record<string, JsonObject>, SortedSnapshot>();

function unchanged(items: Record<string, JsonObject>, snapshot: SortedSnapshot): boolean {
  let count = 0;
  for (const _id in items) count++;
  if (count !== snapshot.ids.length) return false;
  for (let i = 0; i < snapshot.ids.length; i++) if (items[snapshot.ids[i]!] !== snapshot.items[i]) return false;
  return true;
}

/** Items in creation order (ties by id), so pages are stable. Shared: callers must not change the array. */
export function itemsOf(ctx: EmulatorContext, controlPlaneId: string, collection: string): readonly JsonObject[] {
  const items = collectionOf(ctx, controlPlaneId, collection);
  const cached = snapshots.get(items);
  if (cached && unchanged(items, cached)) return cached.items;
  const ids = Object.keys(items).sort((a, b) => compareByCreation(items[a]!, items[b]!));
  const snapshot = { ids, items: ids.map((id) => items[id]!) };
  snapshots.set(items, snapshot);
  return snapshot.items;
}

/** By id, or by the entity's name field when the key is not a UUID (as the Admin API allows). */
export function findItem(ctx: EmulatorContext, controlPlaneId: string, collection: string, key: string, nameField?: string): JsonObject | undefined {
  const items = collectionOf(ctx, controlPlaneId, collection);
  const byId = items[key];
  if (byId) return byId;
  if (!nameField || isUuid(key)) return undefined;
  return Object.values(items).find((item) => item[nameField] === key);
}

/** The id in a `{id}` foreign key, or undefined. */
export function refId(value: unknown): string | undefined {
  return isJsonObject(value) && typeof value.id === 'string' ? value.id : undefined;
}

/** Unix epoch seconds, as core entities carry them. */
export function epochSeconds(ctx: EmulatorContext): number {
  return Math.floor(ctx.now() / 1000);
}
