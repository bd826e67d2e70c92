import { describe, expect, it } from 'vitest';
import { readLiveState } from '../../../src/state/read/index.js';
import type { ListOptions } from '../../../src/konnect/types.js';
import { FakeApi } from './fake-api.js';
import { desiredState, konnectData, scope } from './fixtures.js';

/** The fake API, paging through `onPage` (1000 items a page), with the services listing failing after its first page. */
function failingAfterFirstServicePage(): FakeApi {
  const api = new FakeApi(konnectData());
  const list = api.list.bind(api);
  return Object.assign(Object.create(api) as FakeApi, {
    list: async (...args: Parameters<FakeApi['list']>) => {
      const options: ListOptions = args[3] ?? {};
      const items = await list(args[0], args[1], args[2], { ...options, onPage: undefined } as ListOptions);
      const pages = Math.max(1, Math.ceil(items.length / 1000));
      for (let page = 0; page < pages; page++) {
        await new Promise((resolve) => setImmediate(resolve));
        if (args[1].endsWith('/core-entities/services') && page === 1) throw new Error('services page 2 failed');
        options.onPage?.(items.slice(page * 1000, page * 1000 + 1000));
      }
      return items;
    },
  });
}

describe('readLiveState when the read fails part way (pages decoded as they arrive)', () => {
  it('rejects with the failing page\'s error, with the pages before it already decoded', async () => {
    const decoded: string[] = [];
    const reading = readLiveState(failingAfterFirstServicePage(), desiredState([], [scope('payments')]), { onEntityDecoded: (entity) => decoded.push(entity.kind) });
    await expect(reading).rejects.toThrow('services page 2 failed');
    // The first page of 1500 services was handed on before the second failed.
    await new Promise((resolve) => setImmediate(resolve));
    expect(decoded.filter((kind) => kind === 'service').length).toBeLessThanOrEqual(1000);
  });

  it('rejects with the error of a decoded-entity callback that throws', async () => {
    const api = new FakeApi(konnectData());
    let calls = 0;
    const reading = readLiveState(api, desiredState([], [scope('payments')]), {
      onEntityDecoded: () => {
        calls++;
        if (calls === 3) throw new Error('planner failed');
      },
    });
    await expect(reading).rejects.toThrow('planner failed');
  });
});
