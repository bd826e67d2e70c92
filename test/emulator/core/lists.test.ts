import { describe, expect, it } from 'vitest';
import { BASE, CP, dataOf, harness, type Harness, type Reply } from './harness.js';

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

  describe('paging across writes (a page starts after the offset item, in creation order, whatever changed meanwhile)', () => {
    const names = (reply: Reply) => dataOf(reply).map((s) => s.name);
    const next = (h: Harness, reply: Reply) => h.call('GET', String(reply.body.next).replace(/^\/v2/, ''));

    it('sees creates, updates and deletes made between pages', async () => {
      const h = harness();
      const ids = await seed(h, 5);
      const first = await h.call('GET', `${BASE}/services?size=2`);
      expect(names(first)).toEqual(['svc-0', 'svc-1']);
      await h.call('DELETE', `${BASE}/services/${ids[0]!}`);
      await h.call('DELETE', `${BASE}/services/${ids[3]!}`);
      await h.call('PUT', `${BASE}/services/${ids[2]!}`, { name: 'svc-2', host: 'changed' });
      await h.call('POST', `${BASE}/services`, { name: 'svc-new', host: 'h' });
      const second = await next(h, first);
      expect(names(second)).toEqual(['svc-2', 'svc-4']);
      expect(dataOf(second)[0]!.host).toBe('changed');
      const third = await next(h, second);
      expect(names(third)).toEqual(['svc-new']);
      expect(third.body).not.toHaveProperty('next');
      // The offset item itself deleted: the next page still starts right after where it stood.
      const again = await h.call('GET', `${BASE}/services?size=1&offset=${String(first.body.offset)}`);
      expect(names(again)).toEqual(['svc-2']);
      await h.call('DELETE', `${BASE}/services/${ids[1]!}`);
      expect(names(await h.call('GET', `${BASE}/services?size=1&offset=${String(first.body.offset)}`))).toEqual(['svc-2']);
    });

    it('orders items created in the same second by id, across pages', async () => {
      const h = harness();
      const ids = await seed(h, 5);
      const services = h.ctx.data.core[CP]!.services!;
      const created = Number(services[ids[0]!]!.created_at);
      // svc-0 stays first; the other four share one later second, so their ids order them.
      for (const id of ids.slice(1)) services[id] = { ...services[id]!, created_at: created + 1 };
      const tied = ids.slice(1).sort().map((id) => services[id]!.name);
      const pages: unknown[][] = [];
      let reply = await h.call('GET', `${BASE}/services?size=2`);
      for (let guard = 0; guard < 5; guard++) {
        pages.push(names(reply));
        if (!reply.body.next) break;
        reply = await next(h, reply);
      }
      expect(pages).toEqual([['svc-0', tied[0]], [tied[1], tied[2]], [tied[3]]]);
    });

    it('pages a filtered list, and a nested list, by the items it holds', async () => {
      const h = harness();
      await seed(h, 12);
      const first = await h.call('GET', `${BASE}/services?filter[name][contains]=svc-1&size=2`);
      expect(names(first)).toEqual(['svc-1', 'svc-10']);
      expect(first.body.next).toContain('filter');
      const second = await next(h, first);
      expect(names(second)).toEqual(['svc-11']);
      expect(second.body).not.toHaveProperty('next');
      const tagged = await h.call('GET', `${BASE}/services?tags=team-b&size=3`);
      expect(names(tagged)).toEqual(['svc-2', 'svc-5', 'svc-8']);
      expect(names(await next(h, tagged))).toEqual(['svc-11']);

      for (let i = 0; i < 5; i++) {
        await h.call('POST', `${BASE}/services/svc-${i % 2}/routes`, { name: `r-${i}`, paths: [`/r${i}`] });
      }
      const routes = await h.call('GET', `${BASE}/services/svc-0/routes?size=2`);
      expect(names(routes)).toEqual(['r-0', 'r-2']);
      const rest = await next(h, routes);
      expect(names(rest)).toEqual(['r-4']);
      expect(rest.body).not.toHaveProperty('next');
    });
  });
});
