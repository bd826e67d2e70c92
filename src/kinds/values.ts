import { deepEqual, isJsonObject, type Json, type JsonObject } from '../model/json.js';

/** A non-empty string, else undefined: identities never use empty strings. */
export const str = (value: Json | undefined): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** Fields the cloud-gateways API makes on every resource. */
export const STATE_FIELDS = ['id', 'created_at', 'updated_at', 'entity_version', 'state', 'state_metadata'];

/** Cloud-gateways and control-planes lists: `page[number]` pagination, at most 100 items a page. */
export const PAGE = { pagination: 'page' as const, pageSize: 100 };

export function without(raw: JsonObject, names: string[]): JsonObject {
  const out: JsonObject = {};
  // Keys, not entries: every live object is decoded through here, and entries cost an array per field.
  for (const name of Object.keys(raw)) if (!names.includes(name)) out[name] = raw[name]!;
  return out;
}

/** `kind` of an attachment config object (transit gateways, private DNS). */
export function attachmentKind(fields: JsonObject | undefined, config: string): string | undefined {
  const value = fields?.[config];
  return isJsonObject(value) ? str(value.kind) : undefined;
}

/** Whether two field values differ (absent and null alike; object key order does not count). */
export const changed = (a: Json | undefined, b: Json | undefined): boolean => !deepEqual(a ?? null, b ?? null);
