// Consumer credentials: stored per control plane, reachable under `/consumers/{id}/<segment>` (the top-level
// collections only list). Bodies from the spec's `*WithoutParents` schemas.
import { createHash } from 'node:crypto';
import type { JsonObject } from '../../model/json.js';
import { withDefaults } from './defaults.js';
import { entityError } from './errors.js';
import { entity, foreign, nullableInteger, nullableString, tags, type Schema } from './schemas/common.js';
import { byField, type CollectionSpec, type Scope } from './spec.js';
import { refId } from './store.js';

const JWT_ALGORITHMS = [
  'ES256', 'ES256K', 'ES384', 'ES512', 'ESB256', 'ESB320', 'ESB384', 'ESB512', 'ESP256', 'ESP384', 'ESP512',
  'Ed25519', 'Ed448', 'EdDSA', 'HS256', 'HS384', 'HS512', 'PS256', 'PS384', 'PS512', 'RS256', 'RS384', 'RS512',
];

const name: Schema = { type: 'string', minLength: 1 };

const keyAuth = entity({ consumer: foreign, key: nullableString, ttl: nullableInteger(0), tags });
const basicAuth = entity({ consumer: foreign, username: name, password: { type: 'string' }, tags }, ['username', 'password']);
const acl = entity({ consumer: foreign, group: name, tags }, ['group']);
const jwt = entity({
  consumer: foreign,
  algorithm: { type: ['string', 'null'], enum: [...JWT_ALGORITHMS, null] },
  key: nullableString,
  secret: nullableString,
  rsa_public_key: nullableString,
  tags,
});
const hmacAuth = entity({ consumer: foreign, username: name, secret: nullableString, tags }, ['username']);
// The spec's `ca_certificate` is not nullable: a credential without one leaves it out.
const caReference: Schema = { type: 'object', properties: { id: { type: 'string', minLength: 1 } }, required: ['id'], additionalProperties: false };
const mtlsAuth = entity({ consumer: foreign, subject_name: name, ca_certificate: caReference, tags }, ['subject_name']);

/** A random credential value, as Kong generates one when none is sent (drawn from the emulator's id source). */
const generate = (scope: Scope): string => scope.ctx.newId().replace(/-/g, '');

const perConsumer = (field: string) => ({
  field,
  key: (item: JsonObject) => (typeof item[field] === 'string' ? `${refId(item.consumer) ?? ''}|${String(item[field])}` : undefined),
});

const credential = (collection: string, schema: Schema, fill: CollectionSpec['fill'], unique: CollectionSpec['unique']): CollectionSpec => ({
  collection,
  schema: () => schema,
  unique,
  filters: {},
  fill,
  topLevel: 'read',
  createdAtOnly: true,
});

export const CREDENTIAL_COLLECTIONS: CollectionSpec[] = [
  credential('key-auths', keyAuth, (body, scope) => withDefaults({ tags: null, ttl: null }, { ...body, key: body.key ?? generate(scope) }), [byField('key')]),
  credential(
    'basic-auths',
    basicAuth,
    // Kong's basic-auth crypto: sha1(password .. consumer id), hex. The plain password is never stored or returned.
    // `?skip_hash=true` stores the password as sent: a hash made elsewhere (go-kong sends it for decK's
    // skip_hash_for_basic_auth; the spec does not document it, docs/EMULATOR.md).
    (body, _scope, query) => {
      if (query?.get('skip_hash') === 'true') return withDefaults({ tags: null }, body);
      const salted = `${String(body.password)}${refId(body.consumer) ?? ''}`;
      return withDefaults({ tags: null }, { ...body, password: createHash('sha1').update(salted).digest('hex') });
    },
    [byField('username')],
  ),
  credential('acls', acl, (body) => withDefaults({ tags: null }, body), [perConsumer('group')]),
  credential(
    'jwts',
    jwt,
    (body, scope) => {
      const item = withDefaults({ algorithm: 'HS256', rsa_public_key: null, tags: null }, { ...body, key: body.key ?? generate(scope), secret: body.secret ?? generate(scope) });
      const asymmetric = !String(item.algorithm).startsWith('HS');
      if (asymmetric && typeof item.rsa_public_key !== 'string') return [entityError(`no mandatory 'rsa_public_key'`)];
      return item;
    },
    [byField('key')],
  ),
  credential('hmac-auths', hmacAuth, (body, scope) => withDefaults({ tags: null }, { ...body, secret: body.secret ?? generate(scope) }), [byField('username')]),
  credential('mtls-auths', mtlsAuth, (body) => withDefaults({ tags: null }, body), []),
];
