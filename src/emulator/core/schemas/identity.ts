import { entity, foreign, nullableString, stringList, tags, type Schema } from './common.js';

export const consumer: Schema = entity({ username: nullableString, custom_id: nullableString, tags });

export const consumerGroup: Schema = entity({ name: { type: 'string', minLength: 1 }, tags }, ['name']);

export const certificate: Schema = entity(
  {
    cert: { type: 'string', minLength: 1 },
    key: { type: 'string', minLength: 1 },
    cert_alt: nullableString,
    key_alt: nullableString,
    snis: stringList,
    tags,
  },
  ['cert', 'key'],
);

export const sni: Schema = entity({ name: { type: 'string', minLength: 1 }, certificate: foreign, tags }, ['name', 'certificate']);

export const caCertificate: Schema = entity({ cert: { type: 'string', minLength: 1 }, cert_digest: nullableString, tags }, ['cert']);

export const key: Schema = entity(
  {
    kid: { type: 'string', minLength: 1 },
    name: nullableString,
    jwk: nullableString,
    pem: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: { private_key: { type: 'string' }, public_key: { type: 'string' } },
    },
    set: foreign,
    x5t: nullableString,
    tags,
  },
  ['kid'],
  { anyOf: [{ required: ['jwk'] }, { required: ['pem'] }] },
);

export const keySet: Schema = entity({ name: nullableString, tags });
