import { entity, foreign, nullableBoolean, nullableEnum, nullableInteger, nullableObject, nullableString, PROTOCOLS, protocols, stringList, tags, type Schema } from './common.js';

const timeout = nullableInteger(1, 2147483646);

export const service: Schema = entity(
  {
    name: nullableString,
    host: { type: 'string', minLength: 1 },
    port: nullableInteger(0, 65535),
    protocol: nullableEnum(PROTOCOLS),
    path: { type: ['string', 'null'], pattern: '^/' },
    url: nullableString,
    retries: nullableInteger(0, 32767),
    connect_timeout: timeout,
    read_timeout: timeout,
    write_timeout: timeout,
    enabled: nullableBoolean,
    tags,
    client_certificate: foreign,
    tls_verify: nullableBoolean,
    tls_verify_depth: nullableInteger(0, 64),
    ca_certificates: stringList,
    tls_sans: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: { dnsnames: stringList, uris: stringList },
    },
  },
  [],
  // `url` stands in for host (and protocol/port/path).
  { anyOf: [{ required: ['host'] }, { required: ['url'] }] },
);

const routeCommon: Schema = {
  name: nullableString,
  protocols,
  https_redirect_status_code: nullableEnum([301, 302, 307, 308, 426], 'integer'),
  preserve_host: nullableBoolean,
  request_buffering: nullableBoolean,
  response_buffering: nullableBoolean,
  strip_path: nullableBoolean,
  path_handling: nullableEnum(['v0', 'v1']),
  service: foreign,
  tags,
};

const endpoints: Schema = {
  type: ['array', 'null'],
  items: {
    type: 'object',
    additionalProperties: false,
    properties: { ip: { type: 'string' }, port: { type: 'integer', minimum: 0, maximum: 65535 } },
  },
};

export const routeJson: Schema = entity({
  ...routeCommon,
  methods: stringList,
  hosts: stringList,
  paths: stringList,
  headers: { type: ['object', 'null'], additionalProperties: { type: 'array', items: { type: 'string' } } },
  snis: stringList,
  sources: endpoints,
  destinations: endpoints,
  regex_priority: nullableInteger(),
});

export const routeExpression: Schema = entity(
  { ...routeCommon, expression: { type: 'string', minLength: 1 }, priority: nullableInteger(0, 70368744177663) },
  ['expression'],
);

const statuses: Schema = { type: 'array', items: { type: 'integer', minimum: 100, maximum: 999 } };
const counters: Schema = { type: 'integer', minimum: 0 };
const healthchecks: Schema = {
  type: ['object', 'null'],
  additionalProperties: false,
  properties: {
    threshold: { type: 'number', minimum: 0, maximum: 100 },
    active: {
      type: 'object',
      additionalProperties: false,
      properties: {
        concurrency: { type: 'integer', minimum: 1 },
        headers: nullableObject,
        http_path: { type: 'string' },
        https_sni: nullableString,
        https_verify_certificate: { type: 'boolean' },
        timeout: { type: 'number', minimum: 0 },
        type: { enum: ['grpc', 'grpcs', 'http', 'https', 'tcp'] },
        healthy: { type: 'object', properties: { http_statuses: statuses, interval: counters, successes: counters } },
        unhealthy: {
          type: 'object',
          properties: { http_statuses: statuses, interval: counters, http_failures: counters, tcp_failures: counters, timeouts: counters },
        },
      },
    },
    passive: {
      type: 'object',
      additionalProperties: false,
      properties: {
        type: { enum: ['grpc', 'grpcs', 'http', 'https', 'tcp'] },
        healthy: { type: 'object', properties: { http_statuses: statuses, successes: counters } },
        unhealthy: { type: 'object', properties: { http_statuses: statuses, http_failures: counters, tcp_failures: counters, timeouts: counters } },
      },
    },
  },
};

const HASH = ['consumer', 'cookie', 'header', 'ip', 'none', 'path', 'query_arg', 'uri_capture'];
export const upstream: Schema = entity(
  {
    name: { type: 'string', minLength: 1 },
    algorithm: nullableEnum(['consistent-hashing', 'latency', 'least-connections', 'round-robin', 'sticky-sessions']),
    client_certificate: foreign,
    hash_on: nullableEnum(HASH),
    hash_fallback: nullableEnum(HASH),
    hash_on_header: nullableString,
    hash_fallback_header: nullableString,
    hash_on_cookie: nullableString,
    hash_on_cookie_path: nullableString,
    hash_on_query_arg: nullableString,
    hash_fallback_query_arg: nullableString,
    hash_on_uri_capture: nullableString,
    hash_fallback_uri_capture: nullableString,
    healthchecks,
    host_header: nullableString,
    slots: nullableInteger(10, 65536),
    sticky_sessions_cookie: nullableString,
    sticky_sessions_cookie_path: nullableString,
    use_srv_name: nullableBoolean,
    tags,
  },
  ['name'],
);

export const target: Schema = entity(
  {
    target: { type: 'string', minLength: 1 },
    weight: nullableInteger(0, 65535),
    failover: nullableBoolean,
    upstream: foreign,
    tags,
  },
  ['target'],
);
