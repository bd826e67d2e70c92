import { createHash } from 'node:crypto';
import { canonicalJson, type JsonObject } from './json.js';
import type { Fingerprint } from './entity.js';

/**
 * What a live object was read at: `entity_version` when the API keeps one, else `updated_at`, else a hash of its
 * content. The reader, the planner and apply's stale-plan check all use this one function.
 */
export function fingerprintOf(id: string, raw: JsonObject): Fingerprint {
  const version = raw.entity_version ?? raw.updated_at;
  if (typeof version === 'number' || typeof version === 'string') return { id, version: `v:${version}` };
  return { id, version: `sha256:${createHash('sha256').update(canonicalJson(raw)).digest('hex').slice(0, 16)}` };
}
