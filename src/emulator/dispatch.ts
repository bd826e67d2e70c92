import type { EmuRequest, EmuResponse, EmulatorContext } from './types.js';
import type { Lifecycles } from './lifecycle.js';
import type { Router } from './router.js';
import { apiOf, problem, unauthorized } from './problem.js';

export interface Dispatcher {
  ctx: EmulatorContext;
  router: Router;
  lifecycles: Lifecycles;
  token: string;
}

/** Paths Konnect serves without a token. */
const PUBLIC = new Set(['GET /cloud-gateways/availability.json']);

function authorized(request: EmuRequest, token: string): boolean {
  const header = request.headers.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  return value === `Bearer ${token}`;
}

/** Auth, due lifecycle transitions, then the route. */
export async function dispatch(dispatcher: Dispatcher, request: EmuRequest): Promise<EmuResponse> {
  const api = apiOf(request.path);
  if (!PUBLIC.has(`${request.method} ${request.path}`) && !authorized(request, dispatcher.token)) return unauthorized(api);
  dispatcher.lifecycles.settle(dispatcher.ctx);
  const match = dispatcher.router.match(request.method, request.path);
  if (match === undefined) return problem(404, 'Not Found', `No route matches ${request.method} ${request.path}`);
  if (match === 'method') return problem(405, 'Method Not Allowed', `${request.method} is not allowed on ${request.path}`);
  try {
    return await match.route.handler(request, match.params);
  } catch (error) {
    return problem(500, 'Internal Server Error', error instanceof Error ? error.message : String(error));
  }
}
