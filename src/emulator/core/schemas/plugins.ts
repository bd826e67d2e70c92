import { AI_PARTIAL_SCHEMAS } from './ai-partials.js';
import { entity, foreign, nullableBoolean, nullableObject, nullableString, protocols, tags, type Schema } from './common.js';

const access: Schema = { type: 'object', additionalProperties: false, properties: { access: { type: 'array', items: { type: 'string' } } } };

export const plugin: Schema = entity(
  {
    name: { type: 'string', minLength: 1 },
    instance_name: nullableString,
    config: nullableObject,
    enabled: nullableBoolean,
    protocols,
    condition: { type: ['string', 'null'], maxLength: 1024 },
    service: foreign,
    route: foreign,
    consumer: foreign,
    consumer_group: foreign,
    ordering: { type: ['object', 'null'], additionalProperties: false, properties: { before: access, after: access } },
    partials: {
      type: ['array', 'null'],
      items: {
        type: 'object',
        additionalProperties: false,
        properties: { id: { type: 'string', minLength: 1 }, name: { type: 'string' }, path: { type: 'string' } },
        anyOf: [{ required: ['id'] }, { required: ['name'] }],
      },
    },
    tags,
  },
  ['name'],
);

/** Referenceable fields take a `{vault://...}` string instead of their own type. */
const reference: Schema = { type: 'string', pattern: '^\\{vault://.+\\}$' };
const port: Schema = { anyOf: [{ type: 'integer', minimum: 0, maximum: 65535 }, reference] };
const referenceableString: Schema = { type: ['string', 'null'] };
const int: Schema = { type: ['integer', 'null'], minimum: 0 };
const bool: Schema = { type: ['boolean', 'null'] };
const nodes = (item: Schema): Schema => ({ type: ['array', 'null'], items: { type: 'object', additionalProperties: false, properties: item } });

const redisCe: Schema = {
  host: referenceableString,
  port,
  database: { type: ['integer', 'null'] },
  username: referenceableString,
  password: referenceableString,
  ssl: bool,
  ssl_verify: bool,
  server_name: referenceableString,
  timeout: int,
  cloud_authentication: nullableObject,
};

const redisEe: Schema = {
  ...redisCe,
  cluster_max_redirections: int,
  cluster_nodes: nodes({ ip: { type: 'string' }, port }),
  connect_timeout: int,
  connection_is_proxied: bool,
  keepalive_backlog: int,
  keepalive_pool_size: int,
  read_timeout: int,
  send_timeout: int,
  sentinel_master: nullableString,
  sentinel_nodes: nodes({ host: { type: 'string' }, port }),
  sentinel_password: referenceableString,
  sentinel_role: { type: ['string', 'null'], enum: ['any', 'master', 'slave', null] },
  sentinel_username: referenceableString,
};
delete redisEe.timeout;

function partialOf(type: string, config: Schema): Schema {
  return entity(
    {
      type: { const: type },
      name: nullableString,
      config: { type: 'object', additionalProperties: false, properties: config },
      tags,
    },
    ['type', 'config'],
  );
}

/** Per partial type; the AI types are generated from the spec. */
export const partials: Record<string, Schema> = {
  'redis-ce': partialOf('redis-ce', redisCe),
  'redis-ee': partialOf('redis-ee', redisEe),
  ...AI_PARTIAL_SCHEMAS,
};

/** Before the type is known: only that `type` is one of the partial types. */
export const partialType: Schema = {
  type: 'object',
  required: ['type', 'config'],
  properties: { type: { enum: Object.keys(partials) } },
};

/** Lua sources are limited to 100 KB each. */
const lua: Schema = { type: 'string', minLength: 1, maxLength: 100 * 1024 };
export const customPlugin: Schema = entity({ name: { type: 'string', minLength: 1 }, handler: lua, schema: lua, tags }, ['name', 'handler', 'schema']);

export const vault: Schema = entity(
  {
    name: { type: 'string', minLength: 1 },
    prefix: { type: 'string', minLength: 1, pattern: '^[a-z][a-z\\d-]*[a-z\\d]+$' },
    description: nullableString,
    config: nullableObject,
    tags,
  },
  ['name', 'prefix'],
);
