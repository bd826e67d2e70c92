import { describe, expect, it } from 'vitest';
import { BASE, dataOf, harness, type Harness } from './harness.js';

async function seed(h: Harness, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const tags = i % 3 === 0 ? ['team-a', 'prod'] : i % 3 === 1 ? ['team-a'] : ['team-b'];
    ids.push(String((await h.call('POST', `${BASE}/services`, { name: `svc-${i}`, host: 'h', tags })).body.id));
  }
  return ids;
}

describe('core-entity lists', () => {
  it('pages with size and an opaque offset; the last page has no offset or next', async () => {
    const h = harness();
    const ids = await seed(h, 7);
    const first = await h.call('GET', `${BASE}/services?size=3`);
    expect(first.status).toBe(200);
    expect(dataOf(first).map((s) => s.id)).toEqual(ids.slice(0, 3));
    expect(typeof first.body.offset).toBe('string');
    expect(first.body.next).toBe(`/v2${BASE}/services?size=3&offset=${String(first.body.offset)}`);
    const second = await h.call('GET', `${BASE}/services?size=3&offset=${String(first.body.offset)}`);
    expect(dataOf(second).map((s) => s.id)).toEqual(ids.slice(3, 6));
    const last = await h.call('GET', `${BASE}/services?size=3&offset=${String(second.body.offset)}`);
    expect(dataOf(last).map((s) => s.id)).toEqual(ids.slice(6));
    expect(last.body).not.toHaveProperty('offset');
    expect(last.body).not.toHaveProperty('next');
  });

  it('defaults to 100 items per page', async () => {
    const h = harness();
    await seed(h, 101);
    const page = await h.call('GET', `${BASE}/services`);
    expect(dataOf(page)).toHaveLength(100);
    expect(page.body.offset).toBeDefined();
  });

  it('rejects a size outside 1..1000 and a garbage offset', async () => {
    const h = harness();
    for (const size of ['0', '1001', 'x']) expect((await h.call('GET', `${BASE}/services?size=${size}`)).status).toBe(400);
    expect((await h.call('GET', `${BASE}/services?offset=%%%`)).status).toBe(400);
  });

  it('filters tags with , as AND and / as OR', async () => {
    const h = harness();
    await seed(h, 6);
    const and = await h.call('GET', `${BASE}/services?tags=team-a,prod`);
    expect(dataOf(and).map((s) => s.name)).toEqual(['svc-0', 'svc-3']);
    const or = await h.call('GET', `${BASE}/services?tags=${encodeURIComponent('prod/team-b')}`);
    expect(dataOf(or).map((s) => s.name).sort()).toEqual(['svc-0', 'svc-2', 'svc-3', 'svc-5']);
  });

  it('filters by name where the spec allows it, and rejects it elsewhere', async () => {
    const h = harness();
    await seed(h, 12);
    const eq = await h.call('GET', `${BASE}/services?filter[name][eq]=svc-1`);
    expect(dataOf(eq).map((s) => s.name)).toEqual(['svc-1']);
    const contains = await h.call('GET', `${BASE}/services?filter[name][contains]=svc-1`);
    expect(dataOf(contains).map((s) => s.name)).toEqual(['svc-1', 'svc-10', 'svc-11']);
    expect((await h.call('GET', `${BASE}/upstreams?filter[name][eq]=x`)).status).toBe(400);
  });

  it('answers 404 for an unknown control plane', async () => {
    const h = harness();
    const reply = await h.call('GET', '/control-planes/99999999-2222-4333-8444-555555555555/core-entities/services');
    expect(reply.status).toBe(404);
  });
});
