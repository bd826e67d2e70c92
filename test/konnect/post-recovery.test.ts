import { afterEach, describe, expect, it } from 'vitest';
import { KonnectClient } from '../../src/konnect/client.js';
import { ManualClock } from '../../src/konnect/manual-clock.js';
import { json, startServer, type TestServer } from './http-server.js';
import type { JsonObject } from '../../src/model/json.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A services collection that commits every POST, then either hangs or drops the connection instead of answering. */
async function committingServer(failure: 'hang' | 'reset') {
  const services: JsonObject[] = [];
  let committed: () => void = () => undefined;
  const commit = new Promise<void>((resolve) => (committed = resolve));
  server = await startServer((req, res) => {
    if (req.method === 'POST') {
      const body = JSON.parse(req.body) as JsonObject;
      services.push({ ...body, id: `id-${services.length + 1}` });
      committed();
      if (failure === 'reset') res.socket?.destroy();
      return; // hang: never answer
    }
    const name = req.url.searchParams.get('filter[name][eq]');
    json(res, 200, { data: services.filter((s) => name === null || s.name === name), next: null });
  });
  return { services, commit };
}

function recoverByName(c: KonnectClient, name: string) {
  return async () => {
    const found = await c.list('core-entities', '/cp/services', 'offset', { query: { 'filter[name][eq]': name } });
    return found[0] ? { status: 200, body: found[0], headers: {} } : undefined;
  };
}

describe('a POST that may have been committed is not re-sent', () => {
  it('timeout after commit: recover() finds it; exactly one entity exists', async () => {
    const { services, commit } = await committingServer('hang');
    const clock = new ManualClock();
    const c = new KonnectClient({ token: 'kpat_t', addr: server!.url, clock, timeoutMs: 30_000, ratePerMinute: 1_000_000 });
    const pending = c.request({ api: 'core-entities', method: 'POST', path: '/cp/services', body: { name: 'orders' }, recover: recoverByName(c, 'orders') });
    await commit;
    await clock.advance(30_000); // the attempt times out on the fake clock
    const response = await pending;
    expect(response.body).toMatchObject({ id: 'id-1', name: 'orders' });
    expect(services).toHaveLength(1);
    expect(server!.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('connection dropped after commit: recover() finds it; exactly one entity exists', async () => {
    const { services } = await committingServer('reset');
    const c = new KonnectClient({ token: 'kpat_t', addr: server!.url, ratePerMinute: 1_000_000 });
    const response = await c.request({ api: 'core-entities', method: 'POST', path: '/cp/services', body: { name: 'orders' }, recover: recoverByName(c, 'orders') });
    expect(response.body).toMatchObject({ id: 'id-1' });
    expect(services).toHaveLength(1);
    expect(server!.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('without recover(), a dropped POST fails as "may have been applied" and is sent once', async () => {
    const { services } = await committingServer('reset');
    const c = new KonnectClient({ token: 'kpat_t', addr: server!.url, ratePerMinute: 1_000_000 });
    await expect(c.request({ api: 'core-entities', method: 'POST', path: '/cp/services', body: { name: 'x' } })).rejects.toMatchObject({
      name: 'KonnectConnectionError',
      maybeApplied: true,
    });
    expect(services).toHaveLength(1);
  });
});
