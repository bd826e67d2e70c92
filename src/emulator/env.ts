import type { CoreHooks, EmulatorContext, EmuRequest, EmuResponse, Handler, Route } from './types.js';
import type { JsonObject } from '../model/json.js';
import type { Lifecycles } from './lifecycle.js';

/** What the platform route modules are built from. */
export interface PlatformEnv {
  ctx: EmulatorContext;
  hooks: CoreHooks;
  lifecycles: Lifecycles;
}

export type RouteModule = (env: PlatformEnv) => Route[];

export function iso(ctx: EmulatorContext): string {
  return new Date(ctx.now()).toISOString();
}

/** The request body as an object (validation has already rejected anything else). */
export function bodyOf(request: EmuRequest): JsonObject {
  return request.body as JsonObject;
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** Sets `updated_at` and bumps `entity_version`, as every Konnect cloud-gateways write does. */
export function bump(ctx: EmulatorContext, object: JsonObject): void {
  object.updated_at = iso(ctx);
  if (typeof object.entity_version === 'number') object.entity_version += 1;
  ctx.touch();
}

/** Handlers for `/…/:id` paths: `find` the object the path names and pass it on, or answer `missing` (a 404). */
export function finder(find: (params: Record<string, string>) => JsonObject | undefined, missing: () => EmuResponse) {
  return (handler: (request: EmuRequest, found: JsonObject) => EmuResponse): Handler =>
    (request, params) => {
      const found = find(params);
      return found ? handler(request, found) : missing();
    };
}
