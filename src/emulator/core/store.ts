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
  version: number;
  items: JsonObject[];
}

// A list reads one page of a collection, and a reader reads every page: sorting the whole collection for each page
// made a read quadratic. The sorted order is kept per collection object until a write (writeItem) changes it.
const snapshots = new WeakMap<Record<string, JsonObject>, SortedSnapshot>();
const versions = new WeakMap<Record<string, JsonObject>, number>();

/** Stores an item under its id, or removes it (`undefined`): the one way a collection changes. */
export function writeItem(items: Record<string, JsonObject>, id: string, item: JsonObject | undefined): void {
  if (item === undefined) delete items[id];
  else items[id] = item;
  versions.set(items, (versions.get(items) ?? 0) + 1);
}

/** Items in creation order (ties by id), so pages are stable. Shared: callers must not change the array. */
export function itemsOf(ctx: EmulatorContext, controlPlaneId: string, collection: string): readonly JsonObject[] {
  const items = collectionOf(ctx, controlPlaneId, collection);
  const version = versions.get(items) ?? 0;
  const cached = snapshots.get(items);
  if (cached && cached.version === version) return cached.items;
  const snapshot = { version, items: Object.values(items).sort(compareByCreation) };
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
