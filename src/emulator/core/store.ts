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

/** Items in creation order (ties by id), so pages are stable. */
export function itemsOf(ctx: EmulatorContext, controlPlaneId: string, collection: string): JsonObject[] {
  return Object.values(collectionOf(ctx, controlPlaneId, collection)).sort(
    (a, b) => Number(a.created_at) - Number(b.created_at) || (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0),
  );
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
