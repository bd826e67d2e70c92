import { describe, expect, it } from 'vitest';
import { BASE, dataOf, harness } from './harness.js';

describe('nested paths', () => {
  it('creates and lists routes and plugins under a service (by id or name)', async () => {
    const h = harness();
    const service = await h.call('POST', `${BASE}/services`, { name: 'orders', host: 'h' });
    const other = await h.call('POST', `${BASE}/services`, { name: 'other', host: 'h' });
    const route = await h.call('POST', `${BASE}/services/orders/routes`, { name: 'r', paths: ['/o'] });
    expect(route.body.service).toEqual({ id: service.body.id });
    await h.call('POST', `${BASE}/services/${String(other.body.id)}/routes`, { name: 'r2', paths: ['/x'] });
    expect(dataOf(await h.call('GET', `${BASE}/services/orders/routes`)).map((r) => r.name)).toEqual(['r']);
    const plugin = await h.call('POST', `${BASE}/routes/r/plugins`, { name: 'cors' });
    expect(plugin.body.route).toEqual({ id: route.body.id });
    expect(dataOf(await h.call('GET', `${BASE}/routes/r/plugins`))).toHaveLength(1);
    expect((await h.call('GET', `${BASE}/services/other/routes/r`)).status).toBe(404);
    expect((await h.call('GET', `${BASE}/services/nope/routes`)).status).toBe(404);
    const put = await h.call('PUT', `${BASE}/services/orders/routes/${String(route.body.id)}`, { name: 'r', paths: ['/p'] });
    expect(put.body).toMatchObject({ paths: ['/p'], service: { id: service.body.id } });
    expect((await h.call('DELETE', `${BASE}/services/orders/routes/r`)).status).toBe(204);
  });

  it('keeps targets under their upstream and lists them all at /targets', async () => {
    const h = harness();
    await h.call('POST', `${BASE}/upstreams`, { name: 'a' });
    await h.call('POST', `${BASE}/upstreams`, { name: 'b' });
    await h.call('POST', `${BASE}/upstreams/a/targets`, { target: 'x:80' });
    await h.call('POST', `${BASE}/upstreams/b/targets`, { target: 'x:80' });
    expect((await h.call('POST', `${BASE}/upstreams/a/targets`, { target: 'x:80' })).status).toBe(400);
    expect(dataOf(await h.call('GET', `${BASE}/upstreams/a/targets`))).toHaveLength(1);
    expect(dataOf(await h.call('GET', `${BASE}/targets`))).toHaveLength(2);
    expect((await h.call('POST', `${BASE}/targets`, { target: 'y:80' })).status).toBe(405);
    await h.call('DELETE', `${BASE}/upstreams/a`);
    expect(dataOf(await h.call('GET', `${BASE}/targets`))).toHaveLength(1);
  });

  it('keeps SNIs under their certificate', async () => {
    const h = harness();
    const cert = await h.call('POST', `${BASE}/certificates`, { cert: 'C', key: 'K' });
    const sni = await h.call('POST', `${BASE}/certificates/${String(cert.body.id)}/snis`, { name: 'a.example.com' });
    expect(sni.body.certificate).toEqual({ id: cert.body.id });
    await h.call('DELETE', `${BASE}/certificates/${String(cert.body.id)}`);
    expect(dataOf(await h.call('GET', `${BASE}/snis`))).toHaveLength(0);
  });

  it('lists the plugins linking a partial', async () => {
    const h = harness();
    await h.call('POST', `${BASE}/partials`, { name: 'p', type: 'redis-ee', config: {} });
    const plugin = await h.call('POST', `${BASE}/plugins`, {
      name: 'rate-limiting-advanced',
      instance_name: 'rla',
      config: { limit: [1], window_size: [1] },
      partials: [{ name: 'p' }],
    });
    const links = await h.call('GET', `${BASE}/partials/p/links`);
    expect(links.body).toEqual({ data: [{ id: plugin.body.id, name: 'rate-limiting-advanced', instance_name: 'rla' }], count: 1 });
  });

  it('serves plugin and partial schemas that agree with the defaults it fills', async () => {
    const h = harness();
    const schema = await h.call('GET', `${BASE}/schemas/plugins/cors`);
    expect(schema.status).toBe(200);
    expect(JSON.stringify(schema.body)).toContain('"allow_origin_absent":{"type":"boolean","default":true}');
    expect((await h.call('GET', `${BASE}/schemas/partials/redis-ee`)).status).toBe(200);
    expect((await h.call('GET', `${BASE}/schemas/plugins/not-a-plugin`)).status).toBe(404);
  });
});

describe('consumer group membership', () => {
  it('adds, lists and removes members from both sides', async () => {
    const h = harness();
    const group = await h.call('POST', `${BASE}/consumer_groups`, { name: 'gold' });
    const alice = await h.call('POST', `${BASE}/consumers`, { username: 'alice' });
    await h.call('POST', `${BASE}/consumers`, { username: 'bob' });
    const added = await h.call('POST', `${BASE}/consumer_groups/gold/consumers`, { consumer: alice.body.id });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ consumer_group: group.body, consumers: [alice.body] });
    expect((await h.call('POST', `${BASE}/consumer_groups/gold/consumers`, { consumer: alice.body.id })).status).toBe(409);
    expect((await h.call('POST', `${BASE}/consumers/bob/consumer_groups`, { group: 'gold' })).status).toBe(201);
    expect(dataOf(await h.call('GET', `${BASE}/consumer_groups/gold/consumers`)).map((c) => c.username)).toEqual(['alice', 'bob']);
    expect(dataOf(await h.call('GET', `${BASE}/consumers/alice/consumer_groups`)).map((g) => g.name)).toEqual(['gold']);
    const wrapped = await h.call('GET', `${BASE}/consumer_groups/${String(group.body.id)}?list_consumers=true`);
    expect(wrapped.body.consumer_group).toEqual(group.body);
    expect(wrapped.body.consumers).toHaveLength(2);
    expect((await h.call('DELETE', `${BASE}/consumer_groups/gold/consumers/${String(alice.body.id)}`)).status).toBe(204);
    expect((await h.call('DELETE', `${BASE}/consumer_groups/gold/consumers/${String(alice.body.id)}`)).status).toBe(204);
    expect(dataOf(await h.call('GET', `${BASE}/consumer_groups/gold/consumers`)).map((c) => c.username)).toEqual(['bob']);
    await h.call('DELETE', `${BASE}/consumers/bob`);
    expect(dataOf(await h.call('GET', `${BASE}/consumer_groups/gold/consumers`))).toEqual([]);
  });

  it('answers 404 for an unknown consumer or group', async () => {
    const h = harness();
    await h.call('POST', `${BASE}/consumer_groups`, { name: 'gold' });
    expect((await h.call('POST', `${BASE}/consumer_groups/gold/consumers`, { consumer: 'nobody' })).status).toBe(404);
    expect((await h.call('GET', `${BASE}/consumer_groups/silver/consumers`)).status).toBe(404);
  });
});

describe('schema validation endpoint', () => {
  it('validates an entity without storing it', async () => {
    const h = harness();
    const ok = await h.call('POST', `${BASE}/schemas/plugins/validate`, { name: 'cors' });
    expect(ok).toEqual({ status: 200, body: { message: 'schema validation successful' } });
    expect((await h.call('POST', `${BASE}/schemas/service/validate`, { port: 80 })).status).toBe(400);
    expect((await h.call('POST', `${BASE}/schemas/key_set/validate`, { name: 'k' })).status).toBe(200);
    expect(dataOf(await h.call('GET', `${BASE}/plugins`))).toEqual([]);
    expect((await h.call('POST', `${BASE}/schemas/widgets/validate`, {})).status).toBe(404);
  });

  it('checks the schema, not the database: a reference to an entity not created yet is fine (decK validates before creating)', async () => {
    const h = harness();
    const route = { name: 'r', paths: ['/r'], service: { id: '00000000-0000-4000-8000-000000000000' } };
    expect((await h.call('POST', `${BASE}/schemas/routes/validate`, route)).status).toBe(200);
    expect((await h.call('POST', `${BASE}/schemas/routes/validate`, { ...route, paths: 'not-a-list' })).status).toBe(400);
    const plugin = { name: 'rate-limiting-advanced', partials: [{ id: '00000000-0000-4000-8000-000000000000' }], config: { limit: [5], window_size: [60], strategy: 'redis' } };
    expect((await h.call('POST', `${BASE}/schemas/plugins/validate`, plugin)).status).toBe(200);
  });
});
