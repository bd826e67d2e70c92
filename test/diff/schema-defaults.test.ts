import { describe, expect, it } from 'vitest';
import { KONNECT_DEFAULTS } from '../../src/kinds/konnect-defaults.js';
import { fieldDefault, learnedFor, partialDefaultsFromSchema, pluginDefaultsFromSchema, recordDefaults } from '../../src/kinds/schema-defaults.js';
import type { JsonObject } from '../../src/model/json.js';

// Cut down from what Kong's `GET /schemas/plugins/proxy-cache` returns: single-key field objects, foreign and
// typedef fields, nested records, `required` records, cjson's `{}` for an empty default list.
const PROXY_CACHE: JsonObject = {
  fields: [
    { id: { type: 'string', uuid: true, auto: true } },
    { name: { type: 'string', required: true } },
    { created_at: { type: 'integer', timestamp: true, auto: true } },
    { consumer: { type: 'foreign', reference: 'consumers', eq: null } },
    { service: { type: 'foreign', reference: 'services' } },
    { enabled: { type: 'boolean', default: true, required: true } },
    { protocols: { type: 'set', required: true, default: ['grpc', 'grpcs', 'http', 'https'], elements: { type: 'string', one_of: ['grpc', 'grpcs', 'http', 'https'] } } },
    {
      config: {
        type: 'record',
        required: true,
        fields: [
          { response_code: { type: 'array', default: [200, 301, 404], required: true, len_min: 1, elements: { type: 'integer', between: [100, 900] } } },
          { request_method: { type: 'array', default: ['GET', 'HEAD'], required: true, elements: { type: 'string', one_of: ['HEAD', 'GET', 'POST'] } } },
          { cache_ttl: { type: 'integer', default: 300, gt: 0 } },
          { strategy: { type: 'string', required: true, one_of: ['memory'] } },
          { cache_control: { type: 'boolean', default: false, required: true } },
          { storage_ttl: { type: 'integer' } },
          { memory: { type: 'record', required: true, fields: [{ dictionary_name: { type: 'string', default: 'kong_db_cache', required: true } }] } },
          { vary_headers: { type: 'array', elements: { type: 'string' } } },
          { extra_names: { type: 'array', default: {}, elements: { type: 'string' } } },
          { tls: { type: 'record', required: false, fields: [{ verify: { type: 'boolean', default: true } }] } },
          { response_headers: { type: 'record', required: true, fields: [{ age: { type: 'boolean', default: true } }, { 'X-Cache-Status': { type: 'boolean', default: true } }] } },
        ],
      },
    },
  ],
};

describe('Kong schema JSON → defaults', () => {
  it('fills a plugin object: common fields, the schema protocols and config defaults with nested records', () => {
    expect(pluginDefaultsFromSchema(PROXY_CACHE)).toEqual({
      ...KONNECT_DEFAULTS.plugin,
      protocols: ['grpc', 'grpcs', 'http', 'https'],
      config: {
        response_code: [200, 301, 404],
        request_method: ['GET', 'HEAD'],
        cache_ttl: 300,
        strategy: null,
        cache_control: false,
        storage_ttl: null,
        memory: { dictionary_name: 'kong_db_cache' },
        vary_headers: null,
        extra_names: [],
        tls: null,
        response_headers: { age: true, 'X-Cache-Status': true },
      },
    });
  });

  it('keeps the common protocols when the schema gives none, and an empty config without one', () => {
    const out = pluginDefaultsFromSchema({ fields: [{ name: { type: 'string' } }] });
    expect(out.protocols).toEqual(KONNECT_DEFAULTS.plugin!.protocols);
    expect(out.config).toEqual({});
  });

  it('fills sub-field defaults under a record default, and keeps a null record default', () => {
    const record: JsonObject = { type: 'record', default: { a: 1 }, fields: [{ a: { type: 'integer', default: 5 } }, { b: { type: 'string', default: 'x' } }] };
    expect(fieldDefault(record)).toEqual({ a: 1, b: 'x' });
    expect(fieldDefault({ type: 'record', default: null, fields: [{ b: { type: 'string', default: 'x' } }] })).toBeNull();
    expect(recordDefaults(undefined)).toEqual({});
  });

  it('fills a partial without null keys, as Konnect stores partials', () => {
    const schema: JsonObject = {
      fields: [
        { type: { type: 'string', required: true } },
        {
          config: {
            type: 'record',
            fields: [
              { host: { type: 'string' } },
              { port: { type: 'integer', default: 6379 } },
              { auth: { type: 'record', fields: [{ user: { type: 'string' } }, { ttl: { type: 'integer', default: 30 } }] } },
            ],
          },
        },
      ],
    };
    expect(partialDefaultsFromSchema(schema)).toEqual({ config: { port: 6379, auth: { ttl: 30 } }, name: null, tags: null });
  });

  it('looks learned defaults up per control plane first (custom plugins), then shared', () => {
    const lookup = learnedFor({ 'plugin:a': { x: 1 }, 'payments/plugin:a': { x: 2 } }, 'payments')!;
    expect(lookup('plugin:a')).toEqual({ x: 2 });
    expect(learnedFor({ 'plugin:a': { x: 1 }, 'payments/plugin:a': { x: 2 } }, 'other')!('plugin:a')).toEqual({ x: 1 });
    expect(learnedFor(undefined, 'payments')).toBeUndefined();
  });
});
