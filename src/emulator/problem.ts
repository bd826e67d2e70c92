import type { EmuResponse } from './types.js';
import type { JsonObject } from '../model/json.js';

/** Which API answers: the two write different 400 titles. */
export type Api = 'cloud-gateways' | 'control-planes';

export interface InvalidParameter {
  field: string;
  reason: string;
  rule?: string;
  source?: 'body' | 'query' | 'path';
  minimum?: number;
  maximum?: number;
  choices?: string[];
}

const PROBLEM = { 'content-type': 'application/problem+json' };

let traceCounter = 0n;
/** Konnect's trace ids are large decimal numbers. */
function traceId(): string {
  traceCounter += 1n;
  return `konnect:trace:${(2822394689570210664n + traceCounter * 7919n).toString()}`;
}

export function problem(status: number, title: string, detail: string, extra: JsonObject = {}): EmuResponse {
  return { status, headers: PROBLEM, body: { status, title, instance: traceId(), detail, ...extra } };
}

export function badRequest(api: Api, invalid: InvalidParameter[], detail?: string): EmuResponse {
  const title = api === 'cloud-gateways' ? 'Invalid Request' : 'Bad Request';
  const params = invalid.map((item) => JSON.parse(JSON.stringify(item)) as JsonObject);
  return problem(400, title, detail ?? (api === 'cloud-gateways' ? 'Invalid Parameters' : 'Request contains invalid parameters'), {
    invalid_parameters: params,
  });
}

/** One invalid parameter: the common case for business-rule rejections. */
export function invalid(api: Api, field: string, reason: string, rule = 'invalid', source: InvalidParameter['source'] = 'body'): EmuResponse {
  return badRequest(api, [{ field, rule, reason, source }]);
}

export function notFound(api: Api, detail?: string): EmuResponse {
  if (api === 'control-planes') return problem(404, 'Not Found', detail ?? 'The requested control plane was not found.');
  return problem(404, 'Not Found', detail ?? 'Not Found');
}

export function conflict(detail: string): EmuResponse {
  return problem(409, 'Conflict', detail);
}

export function unauthorized(api: Api): EmuResponse {
  if (api === 'control-planes') return problem(401, 'Unauthenticated', 'A valid token is required');
  return problem(401, 'Unauthorized', 'Unauthorized');
}

const CORE_ENTITIES = /^\/control-planes\/[^/]+\/core-entities\//;
/** The one core-entity operation whose spec documents the platform's problem+json 401 instead of the gateway's. */
const CORE_PROBLEM_401 = /^\/control-planes\/[^/]+\/core-entities\/targets\/?$/;

/** The 401 the spec documents for this path: core entities answer the gateway's `{message, status}` (HTTP401Error). */
export function unauthorizedAt(path: string): EmuResponse {
  if (CORE_ENTITIES.test(path) && !CORE_PROBLEM_401.test(path)) {
    return { status: 401, headers: { 'content-type': 'application/json' }, body: { message: 'Unauthorized', status: 401 } };
  }
  return unauthorized(apiOf(path));
}

export function internalError(): EmuResponse {
  return problem(500, 'Internal Server Error', 'An unexpected error occurred');
}

export function json(status: number, body: unknown): EmuResponse {
  return { status, body };
}

export const noContent: EmuResponse = { status: 204 };

export function apiOf(path: string): Api {
  return path.startsWith('/cloud-gateways') ? 'cloud-gateways' : 'control-planes';
}
