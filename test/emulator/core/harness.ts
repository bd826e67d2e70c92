import { randomUUID } from 'node:crypto';
import { coreRoutes } from '../../../src/emulator/core/index.js';
import { Router } from '../../../src/emulator/router.js';
import { observeExchange } from '../../../src/emulator/observer.js';
import type { EmulatorContext } from '../../../src/emulator/types.js';
import { emptyData } from '../../../src/emulator/seed.js';
import type { JsonObject } from '../../../src/model/json.js';

export interface Reply {
  status: number;
  body: JsonObject;
}

/** The items of a list reply. */
export function dataOf(reply: Reply): JsonObject[] {
  return reply.body.data as JsonObject[];
}

export const CP = '11111111-2222-4333-8444-555555555555';
export const BASE = `/control-planes/${CP}/core-entities`;

export interface Harness {
  ctx: EmulatorContext;
  touches: number;
  call(method: string, path: string, body?: unknown): Promise<Reply>;
}

/** The core-entities routes behind the emulator's router, called without HTTP. */
export function harness(start = 1_700_000_000_000): Harness {
  let now = start;
  const data = emptyData();
  data.controlPlanes[CP] = { id: CP, name: 'payments' };
  const h: Harness = {
    touches: 0,
    ctx: {
      data,
      now: () => (now += 1000),
      newId: () => randomUUID(),
      provisionMs: 0,
      touch: () => {
        h.touches += 1;
      },
    },
    async call(method, path, body) {
      const url = new URL(path, 'http://emulator');
      const match = router.match(method, url.pathname);
      if (match === undefined) return { status: 404, body: { message: 'no route' } };
      if ('allow' in match) return { status: 405, body: { message: 'method not allowed' } };
      const response = await match.route.handler(
        { method, path: url.pathname, query: url.searchParams, body: body === undefined ? undefined : structuredClone(body), headers: {} },
        match.params,
      );
      observeExchange(() => ({ method, path: url.pathname, requestBody: body, status: response.status, responseBody: response.status === 204 ? undefined : response.body }));
      return { status: response.status, body: (response.body === undefined ? {} : structuredClone(response.body)) as JsonObject };
    },
  };
  const router = new Router(coreRoutes(h.ctx));
  return h;
}
