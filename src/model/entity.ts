import type { JsonObject } from './json.js';
import type { KindName } from '../kinds/kind-names.js';
import type { Intent } from './ownership.js';
import type { Geo } from './state.js';

/** Where a desired entity was declared. Lines and columns are 1-based. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
  /** JSON-pointer-like path inside the file, e.g. `services[0].routes[1]`. */
  path?: string;
}

/** What a live entity was read at: used to refuse stale plans. */
export interface Fingerprint {
  id: string;
  /** `v:<entity_version>` when the API keeps one, else a content hash after `updated_at` when there is one (`fingerprintOf()`). */
  version: string;
}

/**
 * One resource in konsync's model, the same shape for desired (loaded from files) and live (read from Konnect).
 *
 * `fields` uses the Konnect API's own field names, with two differences that make desired and live comparable:
 * references hold the target's natural key instead of its server id, and server-made fields are absent.
 */
export interface Entity {
  kind: KindName;
  /** Natural key, unique within its kind. Control-plane-scoped entities are prefixed: `payments/orders`. */
  key: string;
  /** Control plane name for entities scoped to a control plane (gateway entities); absent for org resources. */
  controlPlane?: string;
  /**
   * The geo (Konnect region) the entity lives in or names, when it is not the state's default geo (`DesiredState.geo`):
   * a control plane's, and that of everything in or owned by it (`entityGeo()`). Absent for global resources.
   */
  geo?: Geo;
  fields: JsonObject;
  /** Server id: read from Konnect, or pinned by the user in a file. */
  id?: string;
  /** Live only. */
  fingerprint?: Fingerprint;
  /** Live only: the API object as read, for server-made values (state, certificate ids) and `dump --with-id`. */
  raw?: JsonObject;
  /** Desired only. */
  source?: SourceLocation;
  /** Desired platform resources only: `protected`, `adopt` as written in the file. */
  intent?: Intent;
}

/** `kind:key`, unique across a whole state. Also the form of references inside plans. */
export type EntityRef = string;

export function entityRef(kind: KindName, key: string): EntityRef {
  return `${kind}:${key}`;
}

export function parseEntityRef(ref: EntityRef): { kind: KindName; key: string } {
  const at = ref.indexOf(':');
  return { kind: ref.slice(0, at) as KindName, key: ref.slice(at + 1) };
}

/** Key of a control-plane-scoped entity from its control plane and local key. */
export function scopedKey(controlPlane: string | undefined, localKey: string): string {
  return controlPlane === undefined ? localKey : `${controlPlane}/${localKey}`;
}

/** The part of a key after its control plane prefix. */
export function localKey(entity: Pick<Entity, 'key' | 'controlPlane'>): string {
  return entity.controlPlane === undefined ? entity.key : entity.key.slice(entity.controlPlane.length + 1);
}
