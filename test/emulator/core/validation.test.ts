import { describe, expect, it } from 'vitest';
import { BASE, harness, type Harness } from './harness.js';

const DETAIL = 'type.googleapis.com/kong.admin.model.v1.ErrorDetail';

function unique(field: string) {
  return {
    status: 400,
    body: {
      code: 3,
      message: 'data constraint error',
      details: [{ '@type': DETAIL, type: 'ERROR_TYPE_REFERENCE', field, messages: [`${field} (type: unique) constraint failed`] }],
    },
  };
}

async function twice(h: Harness, collection: string, first: object, second: object = first) {
  expect((await h.call('POST', `${BASE}/${collection}`, first)).status).toBe(201);
  return h.call('POST', `${BASE}/${collection}`, second);
}

describe('validation', () => {
  it('reports missing required fields as an entity error', async () => {
    const h = harness();
    expect(await h.call('POST', `${BASE}/vaults`, { name: 'env' })).toEqual({
      status: 400,
      body: { code: 3, message: 'validation error', details: [{ '@type': DETAIL, type: 'ERROR_TYPE_ENTITY', messages: ["missing properties: 'prefix'"] }] },
    });
    for (const [collection, body] of [
      ['plugins', { config: {} }],
      ['partials', { type: 'redis-ee' }],
      ['custom-plugins', { name: 'x', handler: 'return {}' }],
      ['consumer_groups', {}],
      ['upstreams', {}],
      ['services', { name: 'no-host' }],
    ] as const) {
      const reply = await h.call('POST', `${BASE}/${collection}`, body);
      expect(reply.status, collection).toBe(400);
      expect(reply.body.message).toBe('validation error');
    }
  });

  it('reports wrong types, enums and unknown fields per field', async () => {
    const h = harness();
    const reply = await h.call('POST', `${BASE}/routes`, { paths: ['/a'], protocols: ['gopher'], strip_path: 'yes', colour: 'red' });
    expect(reply.status).toBe(400);
    const details = reply.body.details as { field?: string; type: string; messages: string[] }[];
    expect(details.map((d) => d.field).sort()).toEqual(['colour', 'protocols.0', 'strip_path']);
    expect(details.every((d) => d.type === 'ERROR_TYPE_FIELD')).toBe(true);
    expect(details.find((d) => d.field === 'strip_path')?.messages).toEqual(['expected boolean, but got string']);
  });

  it('needs a route matcher and a consumer username or custom_id', async () => {
    const h = harness();
    const route = await h.call('POST', `${BASE}/routes`, { name: 'r' });
    expect(route.status).toBe(400);
    expect(JSON.stringify(route.body)).toContain("must set one of 'methods', 'hosts', 'headers', 'paths', 'snis'");
    const consumer = await h.call('POST', `${BASE}/consumers`, { tags: ['x'] });
    expect(JSON.stringify(consumer.body)).toContain("at least one of these fields must be non-empty: 'custom_id', 'username'");
  });

  it('applies the config rules of bundled plugins', async () => {
    const h = harness();
    const rla = await h.call('POST', `${BASE}/plugins`, { name: 'rate-limiting-advanced', config: { limit: [5] } });
    expect(rla.status).toBe(400);
    expect(rla.body.details).toEqual([{ '@type': DETAIL, type: 'ERROR_TYPE_FIELD', field: 'config.window_size', messages: ['required field missing'] }]);
    const rl = await h.call('POST', `${BASE}/plugins`, { name: 'rate-limiting', config: {} });
    expect(JSON.stringify(rl.body)).toContain("at least one of these fields must be non-empty: 'config.second', 'config.minute'");
    expect((await h.call('POST', `${BASE}/plugins`, { name: 'acl', config: { allow: ['a'], deny: ['b'] } })).status).toBe(400);
    expect((await h.call('POST', `${BASE}/plugins`, { name: 'acl', config: { allow: ['a'] } })).status).toBe(201);
  });

  it('limits custom plugin sources to 100 KB each', async () => {
    const h = harness();
    const big = `-- ${'x'.repeat(100 * 1024)}`;
    expect((await h.call('POST', `${BASE}/custom-plugins`, { name: 'big', handler: big, schema: 'return {}' })).status).toBe(400);
  });

  it('rejects a plugin that is neither bundled nor a custom plugin of the control plane', async () => {
    const h = harness();
    expect((await h.call('POST', `${BASE}/plugins`, { name: 'set-header' })).status).toBe(400);
    await h.call('POST', `${BASE}/custom-plugins`, { name: 'set-header', handler: 'return {}', schema: 'return {}' });
    expect((await h.call('POST', `${BASE}/plugins`, { name: 'set-header', config: { name: 'x' } })).status).toBe(201);
    expect((await h.call('DELETE', `${BASE}/custom-plugins/set-header`)).status).toBe(400);
    expect((await h.call('POST', `${BASE}/custom-plugins`, { name: 'cors', handler: 'return {}', schema: 'return {}' })).status).toBe(400);
  });
});

describe('uniqueness within a control plane', () => {
  it.each([
    ['services', { name: 'a', host: 'h' }, 'name'],
    ['routes', { name: 'a', paths: ['/'] }, 'name'],
    ['partials', { name: 'a', type: 'redis-ce', config: {} }, 'name'],
    ['consumers', { username: 'a' }, 'username'],
    ['consumers', { custom_id: 'c1' }, 'custom_id'],
    ['consumer_groups', { name: 'a' }, 'name'],
    ['vaults', { name: 'env', prefix: 'secrets' }, 'prefix'],
    ['custom-plugins', { name: 'a', handler: 'return {}', schema: 'return {}' }, 'name'],
    ['upstreams', { name: 'a' }, 'name'],
  ])('%s by %s', async (collection, body, field) => {
    expect(await twice(harness(), collection, body)).toEqual(unique(field));
  });

  it('plugins by name and scope (and instance name)', async () => {
    const h = harness();
    const service = await h.call('POST', `${BASE}/services`, { name: 's', host: 'h' });
    const scoped = { name: 'cors', service: { id: service.body.id } };
    expect((await twice(h, 'plugins', scoped)).status).toBe(400);
    expect((await h.call('POST', `${BASE}/plugins`, { name: 'cors' })).status).toBe(201);
    expect((await h.call('POST', `${BASE}/plugins`, { ...scoped, instance_name: 'second' })).status).toBe(201);
    expect(await h.call('POST', `${BASE}/plugins`, { name: 'acl', config: { allow: ['a'] }, instance_name: 'second' })).toEqual(unique('instance_name'));
  });

  it('allows a PUT to keep its own name', async () => {
    const h = harness();
    const created = await h.call('POST', `${BASE}/services`, { name: 'a', host: 'h' });
    expect((await h.call('PUT', `${BASE}/services/${String(created.body.id)}`, { name: 'a', host: 'h2' })).status).toBe(200);
  });
});

describe('references', () => {
  const ghost = { id: 'deadbeef-1111-4222-8333-444444444444' };

  it('rejects references to entities that do not exist', async () => {
    const h = harness();
    const route = await h.call('POST', `${BASE}/routes`, { paths: ['/'], service: ghost });
    expect(route).toEqual({
      status: 400,
      body: {
        code: 3,
        message: 'data constraint error',
        details: [{ '@type': DETAIL, type: 'ERROR_TYPE_REFERENCE', field: 'service.id', messages: ['service.id (type: foreign) constraint failed'] }],
      },
    });
    for (const scope of ['service', 'route', 'consumer', 'consumer_group']) {
      expect((await h.call('POST', `${BASE}/plugins`, { name: 'cors', [scope]: ghost })).status, scope).toBe(400);
    }
    expect((await h.call('POST', `${BASE}/plugins`, { name: 'rate-limiting', config: { minute: 1 }, partials: [ghost] })).status).toBe(400);
  });

  it('refuses to delete a service routes still reference, and a partial plugins link', async () => {
    const h = harness();
    const service = await h.call('POST', `${BASE}/services`, { name: 's', host: 'h' });
    await h.call('POST', `${BASE}/routes`, { name: 'r', paths: ['/'], service: { id: service.body.id } });
    const refused = await h.call('DELETE', `${BASE}/services/s`);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe('data constraint error');
    const partial = await h.call('POST', `${BASE}/partials`, { name: 'p', type: 'redis-ee', config: {} });
    const plugin = await h.call('POST', `${BASE}/plugins`, { name: 'rate-limiting-advanced', config: { limit: [1], window_size: [1] }, partials: [{ id: partial.body.id }] });
    expect((await h.call('DELETE', `${BASE}/partials/p`)).status).toBe(400);
    await h.call('DELETE', `${BASE}/plugins/${String(plugin.body.id)}`);
    expect((await h.call('DELETE', `${BASE}/partials/p`)).status).toBe(204);
  });

  it('cascades plugins with the entity they are scoped to', async () => {
    const h = harness();
    const consumer = await h.call('POST', `${BASE}/consumers`, { username: 'c' });
    const plugin = await h.call('POST', `${BASE}/plugins`, { name: 'cors', consumer: { id: consumer.body.id } });
    expect((await h.call('DELETE', `${BASE}/consumers/c`)).status).toBe(204);
    expect((await h.call('GET', `${BASE}/plugins/${String(plugin.body.id)}`)).status).toBe(404);
  });
});
