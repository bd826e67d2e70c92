import type { JsonObject } from '../../model/json.js';
import { contentKey, coreEntity } from '../core-entity.js';
import type { KindDescriptor, RefSpec, StoredAsSent } from '../descriptor.js';
import type { KindName } from '../kind-names.js';
import { str, without } from '../values.js';

export interface CredentialOptions {
  kind: KindName;
  title: string;
  /** Path segment under `/consumers/{id}/`: `key-auth`, `acls`. */
  segment: string;
  /** The collection listing every consumer's credentials at once: `key-auths`. */
  all: string;
  /** decK's list under a consumer: `keyauth_credentials`. */
  deck: string;
  /** The field naming the credential within its consumer: `key`, `username`, `group`. */
  name: string;
  /**
   * The name is itself a secret (an API key): the entity key carries a hash of it, so plans, progress lines and
   * `{$id}` placeholders never hold the value.
   */
  hashName?: boolean;
  /** Never compared (key-auth `ttl`: Konnect reports the time left). */
  ignore?: string[];
  /** Sent on create and update, never read back into the model nor compared (basic-auth's password: Konnect returns a hash). */
  writeOnly?: string[];
  generated?: string[];
  defaults?: JsonObject;
  /** Unique across every consumer of the control plane (descriptor `unique`): a basic-auth `username`, an API key. */
  unique?: string[];
  /** Secret by nature: masked in every output (descriptor `secrets`). */
  secrets?: string[];
  /** References besides the consumer (an mTLS credential's `ca_certificate`). */
  refs?: RefSpec[];
  /** A `writeOnly` field Konnect stores as sent on request (descriptor `storedAsSent`). */
  storedAsSent?: StoredAsSent;
}

/** The stored-as-sent value travels as `field` on the wire and as `as` in the model. */
function renamed(fields: JsonObject, from: string, to: string): JsonObject {
  if (fields[from] === undefined) return fields;
  const { [from]: value, ...rest } = fields;
  return { ...rest, [to]: value as JsonObject[string] };
}

/** A consumer credential: written under its consumer, read in one listing per control plane, nested in files as decK does. */
export function consumerCredential(options: CredentialOptions): KindDescriptor {
  const named = (fields: JsonObject): string | undefined => {
    const value = str(fields[options.name]);
    return options.hashName ? contentKey(options.name, value) : value;
  };
  const writeOnly = options.writeOnly ?? [];
  const descriptor = coreEntity({
    kind: options.kind,
    title: options.title,
    collection: options.segment,
    file: { nested: [{ in: 'consumer', as: options.deck, ref: 'consumer' }] },
    identity: (fields) => {
      const consumer = str(fields.consumer);
      const name = named(fields);
      return consumer && name ? `${consumer}/${name}` : undefined;
    },
    refs: [{ path: 'consumer', kind: 'consumer' }, ...(options.refs ?? [])],
    ignore: [...(options.ignore ?? []), ...writeOnly],
    parent: { kind: 'consumer', field: 'consumer', collection: 'consumers' },
    overrides: { defaults: () => ({ ...options.defaults }) },
  });
  const asSent = options.storedAsSent;
  if (writeOnly.length > 0) {
    const decode = descriptor.decode;
    descriptor.decode = (raw, ctx) => {
      const fields = decode(raw, ctx);
      return asSent ? without(renamed(fields, asSent.field, asSent.as), writeOnly) : without(fields, writeOnly);
    };
  }
  if (asSent) {
    const encode = descriptor.encode;
    descriptor.encode = (fields, ctx) => renamed(encode(fields, ctx), asSent.as, asSent.field);
    descriptor.storedAsSent = asSent;
  }
  // One listing per control plane, not one per consumer (5 kinds × thousands of consumers).
  descriptor.paths = { ...descriptor.paths, listAll: `/control-planes/{controlPlaneId}/core-entities/${options.all}` };
  const generated = [...(options.generated ?? []), ...(asSent ? [asSent.as] : [])];
  if (generated.length > 0) descriptor.generated = generated;
  if (options.unique) descriptor.unique = options.unique;
  const secrets = [...(options.secrets ?? []), ...(asSent ? [asSent.as] : [])];
  if (secrets.length > 0) descriptor.secrets = secrets;
  return descriptor;
}
