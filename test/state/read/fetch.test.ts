import { describe, expect, it } from 'vitest';
import { Fetcher } from '../../../src/state/read/fetch.js';
import type { KonnectApi, ListOptions } from '../../../src/konnect/types.js';
import type { JsonObject } from '../../../src/model/json.js';

const pages: JsonObject[][] = [1, 2, 3].map((n) => [{ id: `s-${n}`, name: `s${n}` }]);

/** A client that asks for each page after handing on the one before, and logs both. */
function pagingApi(events: string[]): KonnectApi {
  return {
    request: () => Promise.reject(new Error('no single requests here')),
    stats: () => ({ requests: 0, retries: 0, throttled: 0, pages: 0 }),
    list: async (_api, _path, _pagination, options: ListOptions = {}) => {
      for (const [index, page] of pages.entries()) {
        events.push(`request ${index + 1}`);
        await Promise.resolve();
        options.onPage?.(page);
      }
      return pages.flat();
    },
  };
}

describe('Fetcher: pages handed on as they arrive', () => {
  it('stores each page after the next one is asked for, and resolves once every page is stored, in order', async () => {
    const events: string[] = [];
    const fetcher = new Fetcher(pagingApi(events), undefined, (_scope, _kind, items) => events.push(`stored ${String(items[0]!.raw.id)}`));
    const listed = await fetcher.listTop('payments', 'service', 'cp-1');
    expect(listed).toHaveLength(3);
    expect(events.indexOf('stored s-1')).toBeGreaterThan(events.indexOf('request 2'));
    expect(events.filter((event) => event.startsWith('stored'))).toEqual(['stored s-1', 'stored s-2', 'stored s-3']);
    expect(fetcher.store.get('payments', 'service').map((item) => item.raw.id)).toEqual(['s-1', 's-2', 's-3']);
  });

  it('hands a large page on in pieces of 200, in order', async () => {
    const big = Array.from({ length: 450 }, (_, i) => ({ id: `s-${i}`, name: `s${i}` }));
    const api: KonnectApi = {
      ...pagingApi([]),
      list: async (_api, _path, _pagination, options: ListOptions = {}) => {
        options.onPage?.(big);
        return big;
      },
    };
    const stored: number[] = [];
    const fetcher = new Fetcher(api, undefined, (_scope, _kind, items) => stored.push(items.length));
    await fetcher.listTop('payments', 'service', 'cp-1');
    expect(stored).toEqual([200, 200, 50]);
    expect(fetcher.store.get('payments', 'service').map((item) => item.raw.id)).toEqual(big.map((raw) => raw.id));
  });

  it('stores a whole listing at once from a client that does not page', async () => {
    const stored: number[] = [];
    const api: KonnectApi = { ...pagingApi([]), list: () => Promise.resolve(pages.flat()) };
    const fetcher = new Fetcher(api, undefined, (_scope, _kind, items) => stored.push(items.length));
    await fetcher.listTop('payments', 'service', 'cp-1');
    expect(stored).toEqual([3]);
  });
});

describe('Fetcher: a listing that fails part way', () => {
  const failingApi = (failAt: number): KonnectApi => ({
    ...pagingApi([]),
    list: async (_api, _path, _pagination, options: ListOptions = {}) => {
      for (const [index, page] of pages.entries()) {
        await Promise.resolve();
        if (index === failAt) throw new Error(`page ${index + 1} failed`);
        options.onPage?.(page);
      }
      return pages.flat();
    },
  });

  it('rejects with the failing page\'s error once pages before it were handed on, with no unhandled rejection', async () => {
    const stored: string[] = [];
    const fetcher = new Fetcher(failingApi(1), undefined, (_scope, _kind, items) => stored.push(String(items[0]!.raw.id)));
    await expect(fetcher.listTop('payments', 'service', 'cp-1')).rejects.toThrow('page 2 failed');
    // The page that did arrive is still handled (on a later turn), once, and nothing after the failure.
    await new Promise((resolve) => setImmediate(resolve));
    expect(stored).toEqual(['s-1']);
  });

  it('rejects with the error of a page that cannot be handled, after the listing ends', async () => {
    let calls = 0;
    const fetcher = new Fetcher(pagingApi([]), undefined, () => {
      calls++;
      if (calls === 1) throw new Error('cannot store');
    });
    await expect(fetcher.listTop('payments', 'service', 'cp-1')).rejects.toThrow('cannot store');
    // Pages after the one that failed are not handed on.
    expect(calls).toBe(1);
  });
});
