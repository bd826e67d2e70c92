import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createControlPlane, harness, items, type Harness } from './helpers.js';

// Regression tests for the gaps a spec-driven run found in the emulator (issue 11, items 1-7): each fails on the
// emulator before the fix.

let h: Harness | undefined;
afterEach(async () => {
  await h?.emulator.stop();
  h = undefined;
});

async function withControlPlane(): Promise<{ h: Harness; core: string }> {
  h = await harness();
  const controlPlane = await createControlPlane(h, { name: 'fidelity' });
  return { h, core: `/control-planes/${String(controlPlane.id)}/core-entities` };
}

describe('emulator fidelity to the official specs (issue 11)', () => {
  it('1. a bad offset on a partial links list is a 400, not a 500', async () => {
    const { h, core } = await withControlPlane();
    const partial = await h.call('POST', `${core}/partials`, { type: 'redis-ce', name: 'shared', config: { host: 'redis' } });
    expect(partial.status).toBe(201);
    const links = await h.call('GET', `${core}/partials/${String(partial.body.id)}/links?offset=abc`);
    expect(links.status).toBe(400);
    expect(links.body).toMatchObject({ code: 3, details: [{ field: 'offset' }] });
    expect((await h.call('GET', `${core}/partials/${String(partial.body.id)}/links?size=0`)).status).toBe(400);
  });

  it('2. the documented list filters are honoured: consumers by name and custom_id, provider accounts with contains', async () => {
    const { h, core } = await withControlPlane();
    for (const [username, custom_id] of [['alice', 'c-1'], ['bob', 'c-2']]) expect((await h.call('POST', `${core}/consumers`, { username, custom_id })).status).toBe(201);
    const names = async (query: string): Promise<unknown[]> => {
      const reply = await h.call('GET', `${core}/consumers?${query}`);
      expect(reply.status, reply.text).toBe(200);
      return items(reply).map((item) => item.username);
    };
    expect(await names('filter[name][eq]=alice')).toEqual(['alice']);
    expect(await names('filter[name][contains]=o')).toEqual(['bob']);
    expect(await names('custom_id=c-2')).toEqual(['bob']);
    expect((await h.call('GET', `${core}/consumers?filter[name][neq]=alice`)).status).toBe(400);
    for (const op of ['contains', 'ocontains']) {
      const reply = await h.call('GET', `/cloud-gateways/provider-accounts?filter[provider][${op}]=aw`);
      expect(reply.status, reply.text).toBe(200);
      expect(items(reply).map((item) => item.provider)).toEqual(['aws']);
    }
  });

  it('3. a proxy URL port must be an integer port number', async () => {
    h = await harness();
    for (const port of [2.3e30, 70000, 0, 8.5]) {
      const reply = await h.call('POST', '/control-planes', { name: `cp-${port}`, proxy_urls: [{ host: 'example.com', port, protocol: 'https' }] });
      expect(reply.status, `port ${port}`).toBe(400);
      expect(reply.body.invalid_parameters).toMatchObject([{ field: 'proxy_urls.0.port' }]);
    }
    const ok = await h.call('POST', '/control-planes', { name: 'cp-ok', proxy_urls: [{ host: 'example.com', port: 65535, protocol: 'https' }] });
    expect(ok.status).toBe(201);
  });

  it('3. an integer the spec leaves unbounded still has to fit Konnect’s int64: never stored as a float', async () => {
    const { h, core } = await withControlPlane();
    const huge = await h.call('POST', `${core}/partials`, { type: 'redis-ce', config: { host: 'redis', database: 2.3e30 } });
    expect(huge.status).toBe(400);
    expect(huge.body).toMatchObject({ details: [{ field: 'config.database' }] });
    expect((await h.call('POST', `${core}/partials`, { type: 'redis-ce', config: { host: 'redis', database: 15 } })).status).toBe(201);
  });

  it('4. an AI partial config is closed and typed as the spec says', async () => {
    const { h, core } = await withControlPlane();
    const config = { model: { name: 'text-embedding-3-small', provider: 'openai' } };
    const unknown = await h.call('POST', `${core}/partials`, { type: 'embeddings', config: { ...config, colour: 'red' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ details: [{ field: 'config.colour', messages: ['unknown field'] }] });
    const nested = await h.call('POST', `${core}/partials`, { type: 'embeddings', config: { model: { ...config.model, extra: 1 } } });
    expect(nested.status).toBe(400);
    const nullName = await h.call('POST', `${core}/partials`, { type: 'embeddings', config: { model: { name: null, provider: 'openai' } } });
    expect(nullName.status).toBe(400);
    const ok = await h.call('POST', `${core}/partials`, { type: 'embeddings', name: 'emb', config });
    expect(ok.status, ok.text).toBe(201);
    expect(ok.body.config).toEqual(config);
  });

  it('5. credentials are readable by id at the top level, as the spec documents', async () => {
    const { h, core } = await withControlPlane();
    const consumer = await h.call('POST', `${core}/consumers`, { username: 'carol' });
    const base = `${core}/consumers/${String(consumer.body.id)}`;
    const created = {
      acls: await h.call('POST', `${base}/acls`, { group: 'admins' }),
      'key-auths': await h.call('POST', `${base}/key-auth`, { key: 'k-1' }),
      'basic-auths': await h.call('POST', `${base}/basic-auth`, { username: 'carol', password: 'p' }),
      jwts: await h.call('POST', `${base}/jwt`, {}),
      'hmac-auths': await h.call('POST', `${base}/hmac-auth`, { username: 'carol-hmac' }),
    };
    for (const [collection, reply] of Object.entries(created)) {
      expect(reply.status, collection).toBe(201);
      const read = await h.call('GET', `${core}/${collection}/${String(reply.body.id)}`);
      expect(read.status, collection).toBe(200);
      expect(read.body.id).toBe(reply.body.id);
      expect((await h.call('DELETE', `${core}/${collection}/${String(reply.body.id)}`)).status, collection).toBe(405);
    }
    expect((await h.call('GET', `${core}/acls/4f7e8e4a-0000-4000-8000-000000000000`)).status).toBe(404);
  });

  it('6. core entities answer 401 with the gateway body the spec documents; the platform APIs with problem+json', async () => {
    const { h, core } = await withControlPlane();
    const reply = await h.call('GET', `${core}/services`, undefined, { authorization: 'Bearer nope' });
    expect(reply.status).toBe(401);
    expect(reply.headers.get('content-type')).toBe('application/json');
    expect(reply.body).toEqual({ message: 'Unauthorized', status: 401 });
    const targets = await h.call('GET', `${core}/targets`, undefined, { authorization: 'Bearer nope' });
    expect(targets.headers.get('content-type')).toBe('application/problem+json');
    const platform = await h.call('GET', '/control-planes', undefined, { authorization: 'Bearer nope' });
    expect(platform.headers.get('content-type')).toBe('application/problem+json');
  });

  it('7. a body that is not declared as JSON is refused with 415 and creates nothing; a wrong method gets 405 with Allow', async () => {
    const { h, core } = await withControlPlane();
    const body = JSON.stringify({ name: 'svc', host: 'example.com' });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const response = await fetch(`${h.emulator.url}/v2${core}/services`, {
        method: 'POST',
        headers: { authorization: `Bearer ${h.emulator.token}`, 'content-type': type },
        body,
      });
      expect(response.status, type).toBe(415);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
    expect(items(await h.call('GET', `${core}/services`))).toEqual([]);
    const json = await fetch(`${h.emulator.url}/v2${core}/services`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.emulator.token}`, 'content-type': 'application/json; charset=utf-8' },
      body,
    });
    expect(json.status).toBe(201);
    // fetch labels a string body text/plain; a raw request without the header is read as JSON.
    const untyped = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(`${h.emulator.url}/v2${core}/services`, { method: 'POST', headers: { authorization: `Bearer ${h.emulator.token}` } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      request.end(JSON.stringify({ name: 'untyped', host: 'example.com' }));
    });
    expect(untyped).toBe(201);
    // fetch refuses TRACE: node:http sends it.
    const trace = await new Promise<{ status: number; allow: unknown }>((resolve, reject) => {
      const request = httpRequest(`${h.emulator.url}/v2/control-planes`, { method: 'TRACE', headers: { authorization: `Bearer ${h.emulator.token}` } }, (response) => {
        response.resume();
        resolve({ status: response.statusCode ?? 0, allow: response.headers.allow });
      });
      request.on('error', reject);
      request.end();
    });
    expect(trace).toEqual({ status: 405, allow: 'GET, POST' });
    const patch = await h.call('PATCH', `${core}/services/svc`);
    expect(patch.status).toBe(405);
    expect(patch.headers.get('allow')).toBe('DELETE, GET, PUT');
  });
});
