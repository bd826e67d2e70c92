import { createHash } from 'node:crypto';
import { canonicalJson, type JsonObject } from './json.js';
import type { Fingerprint } from './entity.js';

/** Fields that move on their own while a resource provisions: a plan is not stale because a network became ready. */
const VOLATILE = new Set(['state', 'state_metadata', 'updated_at', 'entity_version']);

/**
 * What a live object was read at: `entity_version` when the API keeps one; otherwise `updated_at` together with a
 * hash of the content, because core entities' `updated_at` counts whole seconds and an edit within the same second
 * would go unseen. The reader, the planner and apply's stale-plan check all use this one function.
 */
export function fingerprintOf(id: string, raw: JsonObject): Fingerprint {
  if (typeof raw.entity_version === 'number' || typeof raw.entity_version === 'string') {
    return { id, version: `v:${raw.entity_version}` };
  }
  const content: JsonObject = {};
  for (const [name, value] of Object.entries(raw)) if (!VOLATILE.has(name)) content[name] = value;
  const hash = createHash('sha256').update(canonicalJson(content)).digest('hex').slice(0, 16);
  const updated = typeof raw.updated_at === 'number' || typeof raw.updated_at === 'string' ? `${raw.updated_at}/` : '';
  return { id, version: `${updated}sha256:${hash}` };
}
