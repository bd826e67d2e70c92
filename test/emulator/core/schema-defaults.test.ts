import { describe, expect, it } from 'vitest';
import { KONNECT_DEFAULTS } from '../../../src/kinds/konnect-defaults.js';
import { partialDefaultsFromSchema, pluginDefaultsFromSchema } from '../../../src/kinds/schema-defaults.js';
import type { JsonObject } from '../../../src/model/json.js';
import { BASE, harness } from './harness.js';

const NOT_FILLED = ['id', 'created_at', 'updated_at', 'name', 'type'];
function filled(body: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(body).filter(([key]) => !NOT_FILLED.includes(key)));
}

describe('the emulator’s schemas describe exactly the defaults it fills', () => {
  it.each([
    ['proxy-cache', { strategy: 'memory' }],
    ['file-log', { path: '/dev/stdout' }],
    ['key-auth', {}],
    ['ip-restriction', { allow: ['10.0.0.0/8'] }],
    ['cors', {}],
  ])('plugin %s', async (name, stated) => {
    const h = harness();
    const schema = await h.call('GET', `${BASE}/schemas/plugins/${name}`);
    expect(schema.status).toBe(200);
    const created = await h.call('POST', `${BASE}/plugins`, { name, config: stated });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const defaults = pluginDefaultsFromSchema(schema.body);
    expect(filled(created.body)).toEqual({ ...defaults, config: { ...(defaults.config as JsonObject), ...stated } });
  });

  it('fills proxy-cache and file-log from schema defaults konsync’s static table does not have', async () => {
    expect(KONNECT_DEFAULTS['plugin:proxy-cache']).toBeUndefined();
    const h = harness();
    const created = await h.call('POST', `${BASE}/plugins`, { name: 'proxy-cache', config: { strategy: 'memory' } });
    expect(created.body.config).toMatchObject({ cache_ttl: 300, memory: { dictionary_name: 'kong_db_cache' }, response_code: [200, 301, 404] });
    expect((await h.call('POST', `${BASE}/plugins`, { name: 'proxy-cache', config: {} })).status).toBe(400);
    expect((await h.call('POST', `${BASE}/plugins`, { name: 'file-log', config: {} })).status).toBe(400);
  });

  it.each(['redis-ee', 'redis-ce'])('partial %s', async (type) => {
    const h = harness();
    const schema = await h.call('GET', `${BASE}/schemas/partials/${type}`);
    const created = await h.call('POST', `${BASE}/partials`, { name: 'p', type, config: { host: 'redis.internal' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const defaults = partialDefaultsFromSchema(schema.body);
    expect(filled(created.body)).toEqual({ config: { ...(defaults.config as JsonObject), host: 'redis.internal' }, tags: defaults.tags });
  });
});
