// What a live entity was read at, so apply can refuse a stale plan: the reader's fingerprint, or the same
// computation when an entity was built without one.
import type { Entity, Fingerprint } from '../model/entity.js';
import { fingerprintOf } from '../model/fingerprint.js';

export function liveFingerprint(entity: Entity): Fingerprint {
  if (entity.fingerprint) return { ...entity.fingerprint };
  const raw = entity.raw ?? entity.fields;
  const id = entity.id ?? (typeof raw.id === 'string' ? raw.id : `${entity.kind}:${entity.key}`);
  return fingerprintOf(id, raw);
}
