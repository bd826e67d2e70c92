import type { JsonObject } from '../../model/json.js';
import type { KindName } from '../../kinds/kind-names.js';
import type { Intent } from '../../model/ownership.js';
import type { Geo } from '../../model/state.js';
import type { FieldPath } from './field-path.js';
import type { FileHeader } from './file-header.js';
import type { ParsedSource } from './parse-source.js';

/** One loaded file: where it came from, its parsed data and its header. */
export interface LoadedFile {
  source: ParsedSource;
  header: FileHeader;
}

/** An entity as written, before its references are resolved and its key is known. */
export interface DraftEntity {
  kind: KindName;
  controlPlane?: string;
  fields: JsonObject;
  /** Server id pinned in the file. */
  id?: string;
  file: LoadedFile;
  /** Where the item is in its file: `services[0].routes[1]`. */
  path: FieldPath;
  /**
   * Written as a reference inside another entity (`consumers[].groups[]`, `consumer_groups[].consumers[]`): the same
   * relation may be written from both sides, which is not a duplicate.
   */
  referenceOnly?: boolean;
  /**
   * Declared in passing by another list's item (`consumer_groups[].consumers[]`): yields to a declaration of the same
   * entity elsewhere, and several of them are one entity.
   */
  inPassing?: boolean;
  /** Model field → the key it was written as, where they differ (`consumer_group` ← `name` in `groups: [{name}]`). */
  writtenAs?: Record<string, string>;
  /** `protected`, `adopt` as written on a platform resource. */
  intent?: Intent;
  /** The geo written on the entity itself (descriptor `geoField`: a control plane's `geo:`). */
  geo?: Geo;
  /** Written with `absent: true`: to be deleted, not declared. */
  absent?: boolean;
}

/** A path inside a draft's fields, as written in its file. */
export function writtenPath(draft: DraftEntity, sub: ReadonlyArray<string | number>): Array<string | number> {
  const [first, ...rest] = sub;
  const written = typeof first === 'string' ? (draft.writtenAs?.[first] ?? first) : first;
  return written === undefined ? [...draft.path] : [...draft.path, written, ...rest];
}

/** A name for people, before the entity has a key. */
export function displayName(fields: JsonObject): string {
  for (const name of ['name', 'username', 'custom_id', 'domain', 'control_plane', 'target', 'prefix', 'kid', 'subject_name', 'type_path', 'uri', 'consumer']) {
    const value = fields[name];
    if (typeof value === 'string' && value !== '') return value;
  }
  return '(unnamed)';
}
