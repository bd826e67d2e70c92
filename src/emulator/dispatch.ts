import type { EmuRequest, EmuResponse, EmulatorContext } from './types.js';
import type { Lifecycles } from './lifecycle.js';
import type { Router } from './router.js';
import { apiOf, badRequest, problem, unauthorizedAt, type Api } from './problem.js';
import { entityError, validationError } from './core/errors.js';
import { geoRefusal } from './geos.js';

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

/** A body that is not JSON, in the words of the API that reads it. */
function malformedBody(path: string, api: Api): EmuResponse {
  if (path.includes('/core-entities/')) return validationError([entityError('request body is not valid JSON')]);
  return badRequest(api, [{ field: 'body', rule: 'is_object', reason: 'request format is invalid', source: 'body' }], 'Invalid request format');
}

/** Auth, due lifecycle transitions, the route, then the body. */
export async function dispatch(dispatcher: Dispatcher, request: EmuRequest): Promise<EmuResponse> {
  const api = apiOf(request.path);
  if (!PUBLIC.has(`${request.method} ${request.path}`) && !authorized(request, dispatcher.token)) return unauthorizedAt(request.path);
  dispatcher.lifecycles.settle(dispatcher.ctx);
  const elsewhere = geoRefusal(dispatcher.ctx, request);
  if (elsewhere) return elsewhere;
  const match = dispatcher.router.match(request.method, request.path);
  if (match === undefined) return problem(404, 'Not Found', `No route matches ${request.method} ${request.path}`);
  if ('allow' in match) {
    const refused = problem(405, 'Method Not Allowed', `${request.method} is not allowed on ${request.path}`);
    return { ...refused, headers: { ...refused.headers, allow: match.allow.join(', ') } };
  }
  if (request.unsupportedType !== undefined) {
    return problem(415, 'Unsupported Media Type', `Content-Type ${request.unsupportedType} is not supported: send application/json`);
  }
  if (request.malformedBody) return malformedBody(request.path, api);
  try {
    return await match.route.handler(request, match.params);
  } catch (error) {
    return problem(500, 'Internal Server Error', error instanceof Error ? error.message : String(error));
  }
}
