import type { JsonObject } from '../model/json.js';
import type { DecodeContext, KindDescriptor } from './descriptor.js';

/** A live API object as the model sees it. */
export interface DecodedLive {
  fields: JsonObject;
  /** Server id, when the object has one. */
  id?: string;
  /** Local key (without control plane): the descriptor's identity, else `id:<server id>`. */
  local: string;
}

/** The server id of an API object. */
export function idOf(raw: JsonObject): string | undefined {
  return typeof raw.id === 'string' ? raw.id : typeof raw.id === 'number' ? String(raw.id) : undefined;
}

/**
 * Decodes a live object and names it, the one way the reader and apply's lookups both do. Undefined for an object
 * that stands for absence (`exists` false) and for one with neither an identity nor an id.
 */
export function decodeLive(descriptor: KindDescriptor, raw: JsonObject, ctx: DecodeContext): DecodedLive | undefined {
  if (descriptor.exists?.(raw) === false) return undefined;
  const fields = descriptor.decode(raw, ctx);
  const id = idOf(raw);
  const local = descriptor.identity(fields, id) ?? (id !== undefined ? `id:${id}` : undefined);
  if (local === undefined) return undefined;
  return id === undefined ? { fields, local } : { fields, id, local };
}
