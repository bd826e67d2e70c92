import { describe, expect, it } from 'vitest';
import { KONNECT_DEFAULTS } from '../../../src/kinds/konnect-defaults.js';
import type { JsonObject } from '../../../src/model/json.js';
import { BASE, harness } from './harness.js';

/** The reply without the fields the server makes. */
function fieldsOf(body: JsonObject): JsonObject {
  const { id: _id, created_at: _created, updated_at: _updated, ...rest } = body;
  return rest;
}

describe('server defaults match KONNECT_DEFAULTS', () => {
  it.each([
    ['services', { host: 'orders.internal' }, 'service'],
    ['routes', { paths: ['/orders'] }, 'route'],
    ['routes', { expression: 'http.path == "/x"' }, 'route:expression'],
    ['consumers', { username: 'alice' }, 'consumer'],
    ['consumer_groups', { name: 'gold' }, 'consumer_group'],
    ['upstreams', { name: 'orders-up' }, 'upstream'],
    ['vaults', { name: 'env', prefix: 'my-env' }, 'vault:env'],
    ['vaults', { name: 'hcv', prefix: 'my-hcv', config: {} }, 'vault:hcv'],
    ['plugins', { name: 'key-auth' }, 'plugin:key-auth'],
    ['plugins', { name: 'rate-limiting-advanced', config: { limit: [5], window_size: [60], namespace: 'ns' } }, 'plugin:rate-limiting-advanced'],
  ])('%s %j fills %s', async (collection, body, key) => {
    const h = harness();
    const reply = await h.call('POST', `${BASE}/${collection}`, body);
    expect(reply.status).toBe(201);
    const expected = structuredClone(KONNECT_DEFAULTS[key] as JsonObject);
    // The spec has no null for these two healthcheck fields (unverified nulls in KONNECT_DEFAULTS): they are absent.
    if (key === 'upstream') {
      const active = (expected.healthchecks as JsonObject).active as JsonObject;
      delete active.headers;
      delete active.https_sni;
    }
    const sent = body as JsonObject;
    for (const [field, value] of Object.entries(sent)) {
      if (field === 'config' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
        expected.config = { ...(expected.config as JsonObject), ...(value as JsonObject) };
      } else expected[field] = value;
    }
    expect(fieldsOf(reply.body)).toEqual(expected);
  });

  it('fills a target with its weight and the default port, with millisecond timestamps', async () => {
    const h = harness(1_700_000_000_250);
    const upstream = await h.call('POST', `${BASE}/upstreams`, { name: 'up' });
    const reply = await h.call('POST', `${BASE}/upstreams/up/targets`, { target: '10.0.0.1' });
    expect(reply.status).toBe(201);
    expect(fieldsOf(reply.body)).toEqual({ ...KONNECT_DEFAULTS.target, target: '10.0.0.1:8000', upstream: { id: upstream.body.id } });
    expect(reply.body.created_at).toBe(1_700_000_002.25);
  });

  it('gives ids and Unix-epoch-second integer timestamps', async () => {
    const h = harness();
    const reply = await h.call('POST', `${BASE}/services`, { host: 'a' });
    expect(reply.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number.isInteger(reply.body.created_at)).toBe(true);
    expect(reply.body.created_at).toBe(1_700_000_001);
    expect(reply.body.updated_at).toBe(reply.body.created_at);
  });

  it('keeps a client-chosen id', async () => {
    const h = harness();
    const id = '0b0b0b0b-1111-4222-8333-444444444444';
    expect((await h.call('POST', `${BASE}/consumers`, { id, username: 'bob' })).body.id).toBe(id);
  });

  it('takes the default for a null field (protobuf: null is absent)', async () => {
    const h = harness();
    const reply = await h.call('POST', `${BASE}/services`, { host: 'a', port: null, retries: null });
    expect(reply.body.port).toBe(80);
    expect(reply.body.retries).toBe(5);
  });

  it('splits a service url into protocol, host, port and path and never returns it', async () => {
    const h = harness();
    const reply = await h.call('POST', `${BASE}/services`, { name: 's', url: 'https://orders.internal/v1/api' });
    expect(reply.body).toMatchObject({ protocol: 'https', host: 'orders.internal', port: 443, path: '/v1/api' });
    expect(reply.body).not.toHaveProperty('url');
    const bare = await h.call('POST', `${BASE}/services`, { url: 'http://bare.internal:8080' });
    expect(bare.body).toMatchObject({ protocol: 'http', host: 'bare.internal', port: 8080, path: null });
  });

  it('drops null-valued keys from partial configs', async () => {
    const h = harness();
    const reply = await h.call('POST', `${BASE}/partials`, {
      name: 'redis',
      type: 'redis-ee',
      config: { read_timeout: 3000, password: null, username: null, sentinel_master: null },
    });
    expect(reply.status).toBe(201);
    expect(reply.body.config).toEqual({ ...(KONNECT_DEFAULTS['partial:redis-ee']?.config as JsonObject), read_timeout: 3000 });
    expect(reply.body.tags).toBeNull();
  });

  it('generates the rate-limiting-advanced namespace when it is not given', async () => {
    const h = harness();
    const reply = await h.call('POST', `${BASE}/plugins`, { name: 'rate-limiting-advanced', config: { limit: [5], window_size: [60] } });
    expect((reply.body.config as JsonObject).namespace).toMatch(/^[0-9a-f]{32}$/);
  });

  it('keeps null-valued keys in plugin configs', async () => {
    const h = harness();
    const reply = await h.call('POST', `${BASE}/plugins`, { name: 'cors', config: { origins: null } });
    expect(reply.body.config).toHaveProperty('origins', null);
    expect(reply.body.config).toHaveProperty('max_age', null);
  });

  it('fills generic plugin fields for a bundled plugin without known config defaults', async () => {
    const h = harness();
    const reply = await h.call('POST', `${BASE}/plugins`, { name: 'request-termination', config: { status_code: 503 } });
    expect(fieldsOf(reply.body)).toEqual({ ...KONNECT_DEFAULTS.plugin, name: 'request-termination', config: { status_code: 503 } });
  });

  it('fills a partial link path with config.redis and its name, reducing the linked subtree', async () => {
    const h = harness();
    const partial = await h.call('POST', `${BASE}/partials`, { name: 'shared-redis', type: 'redis-ee', config: {} });
    const reply = await h.call('POST', `${BASE}/plugins`, {
      name: 'rate-limiting-advanced',
      config: { limit: [10], window_size: [60] },
      partials: [{ id: partial.body.id }],
    });
    expect(reply.status).toBe(201);
    expect(reply.body.partials).toEqual([{ id: partial.body.id, name: 'shared-redis', path: 'config.redis' }]);
    expect((reply.body.config as JsonObject).redis).toEqual({ redis_proxy_type: null });
  });

  it('keeps an explicit link path', async () => {
    const h = harness();
    const partial = await h.call('POST', `${BASE}/partials`, { name: 'r', type: 'redis-ce', config: { host: 'redis' } });
    const reply = await h.call('POST', `${BASE}/plugins`, { name: 'rate-limiting', config: { minute: 5 }, partials: [{ name: 'r', path: 'config.redis' }] });
    expect(reply.body.partials).toEqual([{ id: partial.body.id, name: 'r', path: 'config.redis' }]);
  });
});
