import type { EmulatorContext } from '../types.js';
import type { Json, JsonObject } from '../../model/json.js';
import type { ErrorDetail } from './errors.js';
import type { Schema } from './schemas/common.js';

/** The control plane a request works in. */
export interface Scope {
  ctx: EmulatorContext;
  controlPlaneId: string;
}

export interface UniqueRule {
  /** Field named in the error. */
  field: string;
  /** The value that must be unique; undefined: not constrained. */
  key(item: JsonObject): string | undefined;
}

/** How one collection behaves: the generic engine (crud.ts) reads this and nothing else. */
export interface CollectionSpec {
  collection: string;
  /** The schema a body is validated with (may depend on the body: route flavour, partial type). */
  schema(body: JsonObject): Schema;
  /** Looked up by this field when the path key is not a UUID. */
  nameField?: string;
  unique: UniqueRule[];
  /** `filter[<name>][eq|contains]` the list documents → the stored field it reads (consumers: `name` is `username`). */
  filters: Record<string, string>;
  /** Plain query parameters the list documents as exact matches on the field of that name (consumers: `custom_id`). */
  exactParams?: string[];
  /** Body (validated) → stored fields: server defaults, rewrites. Strings are error details. */
  /** `query`: the write's query string (basic-auth `skip_hash=true`). */
  fill(body: JsonObject, scope: Scope, query?: URLSearchParams): JsonObject | ErrorDetail[];
  /** Rules beyond schema, uniqueness and foreign keys (e.g. a plugin's name must be installed). */
  check?(item: JsonObject, scope: Scope): ErrorDetail[];
  /** Reasons a delete is refused (besides restricting foreign keys). */
  blockDelete?(item: JsonObject, scope: Scope): ErrorDetail[];
  /** GET by id answers in a wrapper (consumer groups). */
  wrapItem?(item: JsonObject, scope: Scope, query: URLSearchParams): Json;
  /** Written only nested under its parent; at top level the spec documents reads only: the list (targets), or the list and the item (credentials). */
  topLevel?: 'list' | 'read';
  /** Timestamps with a millisecond fraction (targets: `auto_timestamp_ms`). */
  fractionalTimestamps?: boolean;
  /** Only `created_at`, no `updated_at` (credentials). */
  createdAtOnly?: boolean;
}

/** A foreign key: `from.field` holds `{id}` of an entity in `to`. */
export interface Relation {
  from: string;
  field: string;
  to: string;
  /** Deleting the target deletes the referrer, or is refused while referrers exist. */
  onDelete: 'cascade' | 'restrict';
}

export const MEMBERS = 'consumer_group_members';

export const RELATIONS: Relation[] = [
  { from: 'routes', field: 'service', to: 'services', onDelete: 'restrict' },
  { from: 'plugins', field: 'service', to: 'services', onDelete: 'cascade' },
  { from: 'plugins', field: 'route', to: 'routes', onDelete: 'cascade' },
  { from: 'plugins', field: 'consumer', to: 'consumers', onDelete: 'cascade' },
  { from: 'plugins', field: 'consumer_group', to: 'consumer_groups', onDelete: 'cascade' },
  { from: 'services', field: 'client_certificate', to: 'certificates', onDelete: 'restrict' },
  { from: 'upstreams', field: 'client_certificate', to: 'certificates', onDelete: 'restrict' },
  { from: 'snis', field: 'certificate', to: 'certificates', onDelete: 'cascade' },
  { from: 'targets', field: 'upstream', to: 'upstreams', onDelete: 'cascade' },
  { from: 'keys', field: 'set', to: 'key-sets', onDelete: 'cascade' },
  { from: MEMBERS, field: 'consumer', to: 'consumers', onDelete: 'cascade' },
  { from: 'key-auths', field: 'consumer', to: 'consumers', onDelete: 'cascade' },
  { from: 'basic-auths', field: 'consumer', to: 'consumers', onDelete: 'cascade' },
  { from: 'acls', field: 'consumer', to: 'consumers', onDelete: 'cascade' },
  { from: 'jwts', field: 'consumer', to: 'consumers', onDelete: 'cascade' },
  { from: 'hmac-auths', field: 'consumer', to: 'consumers', onDelete: 'cascade' },
  { from: 'mtls-auths', field: 'consumer', to: 'consumers', onDelete: 'cascade' },
  // Kong's mtls-auth schema: `ca_certificate` is a foreign key with `on_delete = "cascade"`.
  { from: 'mtls-auths', field: 'ca_certificate', to: 'ca_certificates', onDelete: 'cascade' },
  { from: 'degraphql_routes', field: 'service', to: 'services', onDelete: 'cascade' },
  { from: 'graphql-rate-limiting-advanced/costs', field: 'service', to: 'services', onDelete: 'cascade' },
  { from: MEMBERS, field: 'consumer_group', to: 'consumer_groups', onDelete: 'cascade' },
];

export function byField(field: string): UniqueRule {
  return { field, key: (item) => (typeof item[field] === 'string' ? (item[field] as string) : undefined) };
}
