import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { MAX_BODY_BYTES } from '../../src/emulator/server.js';
import { harness, type Harness } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.emulator.stop();
  h = undefined;
});

describe('emulator server', () => {
  it('listens on 127.0.0.1 with a random port and serves /v2', async () => {
    h = await harness();
    expect(h.emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(h.emulator.url).not.toMatch(/:0$/);
    expect(h.emulator.token).toBe('kpat_emulator');
    expect((await h.call('GET', '/control-planes')).status).toBe(200);
  });

  it('answers 401 problem+json without the bearer token, in each API’s words', async () => {
    h = await harness({ token: 'kpat_secret' });
    const cloud = await h.call('GET', '/cloud-gateways/networks', undefined, { authorization: 'Bearer kpat_wrong' });
    expect(cloud.status).toBe(401);
    expect(cloud.headers.get('content-type')).toBe('application/problem+json');
    expect(cloud.body).toMatchObject({ status: 401, title: 'Unauthorized', detail: 'Unauthorized' });
    expect(String(cloud.body.instance)).toMatch(/^konnect:trace:\d+$/);
    const planes = await h.call('GET', '/control-planes', undefined, { authorization: '' });
    expect(planes.status).toBe(401);
    expect(planes.body).toMatchObject({ status: 401, title: 'Unauthenticated', detail: 'A valid token is required' });
    expect((await h.call('GET', '/control-planes', undefined, { authorization: 'Bearer kpat_secret' })).status).toBe(200);
  });

  it('serves availability.json without a token', async () => {
    h = await harness();
    const reply = await h.call('GET', '/cloud-gateways/availability.json', undefined, { authorization: '' });
    expect(reply.status).toBe(200);
    expect(reply.body.providers).toBeDefined();
  });

  it('answers unknown paths with 404 and wrong methods with 405', async () => {
    h = await harness();
    expect((await h.call('GET', '/cloud-gateways/nothing-here')).status).toBe(404);
    expect((await h.call('DELETE', '/control-planes')).status).toBe(405);
    const outside = await fetch(`${h.emulator.url}/v1/anything`);
    expect(outside.status).toBe(404);
  });

  it('rejects a body that is not JSON with 400', async () => {
    h = await harness();
    const response = await fetch(`${h.emulator.url}/v2/control-planes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.emulator.token}`, 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(response.status).toBe(400);
  });

  it('answers a body that is not JSON after auth and routing, in the words of the API that reads it', async () => {
    h = await harness();
    const post = (path: string, authorization = `Bearer ${h!.emulator.token}`) =>
      fetch(`${h!.emulator.url}/v2${path}`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: '{not json' });
    expect((await post('/cloud-gateways/networks', 'Bearer kpat_wrong')).status).toBe(401);
    expect((await post('/cloud-gateways/nothing-here')).status).toBe(404);
    const cloud = await post('/cloud-gateways/networks');
    expect(cloud.status).toBe(400);
    expect(await cloud.json()).toMatchObject({ status: 400, title: 'Invalid Request', invalid_parameters: [{ field: 'body', rule: 'is_object' }] });
    const planes = await post('/control-planes');
    expect(await planes.json()).toMatchObject({ status: 400, title: 'Bad Request' });
    const cp = await h.call('POST', '/control-planes', { name: 'payments' });
    const core = await post(`/control-planes/${cp.body.id}/core-entities/services`);
    expect(core.status).toBe(400);
    expect(await core.json()).toMatchObject({ code: 3, message: 'validation error' });
  });

  it('drains a body over the size limit and answers 413, then keeps serving', async () => {
    h = await harness();
    const response = await fetch(`${h.emulator.url}/v2/control-planes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.emulator.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'big', description: 'x'.repeat(MAX_BODY_BYTES) }),
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect((await h.call('GET', '/control-planes')).body.data).toEqual([]);
  });

  it('answers what was true when the request was handled, even when a latency fault delays the answer', async () => {
    h = await harness({ faults: 'latency=300ms' });
    const created = await h.call('POST', '/control-planes', { name: 'first' });
    const logged = h.emulator.requestLog.length;
    const renamed = h.call('PATCH', `/control-planes/${created.body.id}`, { name: 'second' });
    // Once the first PATCH is handled (its status is logged before the delay), a second one changes the stored object.
    while (h.emulator.requestLog[logged]?.status !== 200) await new Promise((resolve) => setTimeout(resolve, 5));
    const again = await h.call('PATCH', `/control-planes/${created.body.id}`, { name: 'third' });
    expect((await renamed).body.name).toBe('second');
    expect(again.body.name).toBe('third');
  });

  it('logs every request with its status', async () => {
    h = await harness();
    await h.call('GET', '/control-planes?page[size]=5');
    await h.call('GET', '/control-planes', undefined, { authorization: '' });
    expect(h.emulator.requestLog.map(({ method, path, status }) => ({ method, path, status }))).toEqual([
      { method: 'GET', path: '/v2/control-planes?page[size]=5', status: 200 },
      { method: 'GET', path: '/v2/control-planes', status: 401 },
    ]);
    expect(typeof h.emulator.requestLog[0]?.at).toBe('number');
  });

  it('stop() closes the port and is idempotent', async () => {
    const emulator: RunningEmulator = await startEmulator();
    await emulator.stop();
    await emulator.stop();
    await expect(fetch(`${emulator.url}/v2/control-planes`)).rejects.toThrow();
  });
});
