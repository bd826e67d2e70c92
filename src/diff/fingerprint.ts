// What a live entity was read at, so apply can refuse a stale plan.
import type { Entity, Fingerprint } from '../model/entity.js';
import { contentHash } from './json-tools.js';

export function fingerprintOf(entity: Entity): Fingerprint {
  if (entity.fingerprint) return { ...entity.fingerprint };
  const raw = entity.raw ?? {};
  const id = entity.id ?? (typeof raw.id === 'string' ? raw.id : `${entity.kind}:${entity.key}`);
  const version = raw.entity_version ?? raw.updated_at;
  if (typeof version === 'string' || typeof version === 'number') return { id, version: String(version) };
  return { id, version: `sha256:${contentHash(entity.raw ?? entity.fields)}` };
}
