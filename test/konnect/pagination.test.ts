import { afterEach, describe, expect, it } from 'vitest';
import { KonnectClient } from '../../src/konnect/client.js';
import { json, startServer, type TestServer } from './http-server.js';
import { filterQuery, tagsQuery } from '../../src/konnect/query.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const items = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i}`, name: `${prefix}${i}` }));
const client = (url: string) => new KonnectClient({ token: 'kpat_test', addr: url, ratePerMinute: 1_000_000, burst: 1000 });

describe('list(): the three pagination schemes against a local server', () => {
  it('page[number] + page[size] until meta.page.total', async () => {
    const all = items(250, 'cp');
    server = await startServer((req, res) => {
      const size = Number(req.url.searchParams.get('page[size]'));
      const number = Number(req.url.searchParams.get('page[number]'));
      json(res, 200, { data: all.slice((number - 1) * size, number * size), meta: { page: { number, size, total: all.length } } });
    });
    const c = client(server.url);
    const got = await c.list('control-planes', '/control-planes', 'page', { query: filterQuery('name', 'x') });
    expect(got.map((x) => x.id)).toEqual(all.map((x) => x.id));
    expect(server.requests.map((r) => r.url.searchParams.get('page[number]'))).toEqual(['1', '2', '3']);
    expect(server.requests.every((r) => r.url.searchParams.get('page[size]') === '100')).toBe(true);
    expect(server.requests.every((r) => r.url.searchParams.get('filter[name][eq]') === 'x')).toBe(true);
    expect(server.requests[0]!.url.pathname).toBe('/v2/control-planes');
    expect(server.requests[0]!.headers.authorization).toBe('Bearer kpat_test');
    expect(c.stats().pages).toBe(3);
  });

  it('an exact multiple of the page size ends at total without an empty extra page', async () => {
    const all = items(200, 'n');
    server = await startServer((req, res) => {
      const number = Number(req.url.searchParams.get('page[number]'));
      json(res, 200, { data: all.slice((number - 1) * 100, number * 100), meta: { page: { number, size: 100, total: 200 } } });
    });
    const c = client(server.url);
    expect(await c.list('cloud-gateways', '/cloud-gateways/networks', 'page')).toHaveLength(200);
    expect(c.stats().pages).toBe(2);
  });

  it('page[after] cursors from meta.page.next, as a /v2 path, a plain path or a URL', async () => {
    const all = items(230, 'm');
    const forms = [(c: string) => `/v2/control-planes/g/group-memberships?page%5Bafter%5D=${c}`, (c: string) => `/control-planes/g/group-memberships?page[after]=${c}`];
    server = await startServer((req, res) => {
      const after = Number(req.url.searchParams.get('page[after]') ?? '0');
      const size = Number(req.url.searchParams.get('page[size]'));
      const end = after + size;
      const next = end < all.length ? (after === 0 ? forms[0]!(String(end)) : `${server!.url}${forms[1]!(String(end)).replace('/control', '/v2/control')}`) : null;
      json(res, 200, { data: all.slice(after, end), meta: { page: { next, size, ...(after === 0 ? { total: all.length } : {}) } } });
    });
    const c = client(server.url);
    const got = await c.list('control-planes', '/control-planes/g/group-memberships', 'cursor');
    expect(got.map((x) => x.id)).toEqual(all.map((x) => x.id));
    expect(server.requests.map((r) => r.url.searchParams.get('page[after]'))).toEqual([null, '100', '200']);
    expect(server.requests.every((r) => r.url.pathname === '/v2/control-planes/g/group-memberships')).toBe(true);
    expect(c.stats().pages).toBe(3);
  });

  it('core-entity size/offset: the last page has no offset; tags pass through', async () => {
    const all = items(2500, 'svc');
    server = await startServer((req, res) => {
      const size = Number(req.url.searchParams.get('size'));
      const start = Number(req.url.searchParams.get('offset') ?? '0');
      const end = start + size;
      const body: Record<string, unknown> = { data: all.slice(start, end), next: null };
      if (end < all.length) {
        body.offset = String(end);
        body.next = `/v2/control-planes/cp/core-entities/services?offset=${end}`;
      }
      json(res, 200, body);
    });
    const c = client(server.url);
    const got = await c.list('core-entities', '/control-planes/cp/core-entities/services', 'offset', { query: tagsQuery(['a', 'b']) });
    expect(got).toHaveLength(2500);
    expect(server.requests.map((r) => r.url.searchParams.get('offset'))).toEqual([null, '1000', '2000']);
    expect(server.requests.every((r) => r.url.searchParams.get('size') === '1000' && r.url.searchParams.get('tags') === 'a,b')).toBe(true);
    expect(c.stats()).toMatchObject({ pages: 3, requests: 3 });
  });

  it('an empty list is one page', async () => {
    server = await startServer((_req, res) => json(res, 200, { data: [], next: null }));
    const c = client(server.url);
    expect(await c.list('core-entities', '/control-planes/cp/core-entities/routes', 'offset')).toEqual([]);
    expect(c.stats().pages).toBe(1);
  });

  it('gives each page to onPage as it arrives, before asking for the next', async () => {
    const all = items(2500, 'svc');
    const pagesSeenAtRequest: number[] = [];
    const pages: string[][] = [];
    server = await startServer((req, res) => {
      pagesSeenAtRequest.push(pages.length);
      const start = Number(req.url.searchParams.get('offset') ?? '0');
      const end = start + Number(req.url.searchParams.get('size'));
      json(res, 200, { data: all.slice(start, end), ...(end < all.length ? { offset: String(end) } : {}) });
    });
    const got = await client(server.url).list('core-entities', '/control-planes/cp/core-entities/services', 'offset', {
      onPage: (page) => pages.push(page.map((item) => String(item.id))),
    });
    expect(pages.map((page) => page.length)).toEqual([1000, 1000, 500]);
    expect(pagesSeenAtRequest).toEqual([0, 1, 2]);
    expect(pages.flat()).toEqual(got.map((item) => item.id));
  });
  it('hands each page to onPage once when a page is retried after a failed attempt', async () => {
    const all = items(2500, 'svc');
    let failedOnce = false;
    server = await startServer((req, res) => {
      const start = Number(req.url.searchParams.get('offset') ?? '0');
      if (start === 1000 && !failedOnce) {
        failedOnce = true;
        json(res, 503, { message: 'try again' }, { 'retry-after': '0' });
        return;
      }
      const end = start + Number(req.url.searchParams.get('size'));
      json(res, 200, { data: all.slice(start, end), ...(end < all.length ? { offset: String(end) } : {}) });
    });
    const pages: string[][] = [];
    const got = await client(server.url).list('core-entities', '/control-planes/cp/core-entities/services', 'offset', {
      onPage: (page) => pages.push(page.map((item) => String(item.id))),
    });
    expect(failedOnce).toBe(true);
    expect(pages.map((page) => page.length)).toEqual([1000, 1000, 500]);
    expect(pages.flat()).toEqual(all.map((item) => item.id));
    expect(got.map((item) => item.id)).toEqual(all.map((item) => item.id));
  });
});
