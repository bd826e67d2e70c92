import type { EmulatorContext, Route } from '../types.js';
import { crudHandlers, type Nesting } from './crud.js';
import { extraRoutes } from './extras.js';
import { memberRoutes } from './members.js';
import { COLLECTIONS, specOf } from './table.js';

export const CORE_BASE = '/control-planes/:controlPlaneId/core-entities';

/** Nested forms: `/<parent>/:parentId/<segment ?? child>` with the child's foreign key to the parent. */
const NESTED: (Nesting & { child: string; segment?: string })[] = [
  { parent: 'services', child: 'routes', field: 'service' },
  { parent: 'services', child: 'plugins', field: 'service' },
  { parent: 'routes', child: 'plugins', field: 'route' },
  { parent: 'consumers', child: 'plugins', field: 'consumer' },
  { parent: 'consumer_groups', child: 'plugins', field: 'consumer_group' },
  { parent: 'upstreams', child: 'targets', field: 'upstream' },
  { parent: 'certificates', child: 'snis', field: 'certificate' },
  { parent: 'key-sets', child: 'keys', field: 'set' },
  { parent: 'consumers', child: 'key-auths', segment: 'key-auth', field: 'consumer' },
  { parent: 'consumers', child: 'basic-auths', segment: 'basic-auth', field: 'consumer' },
  { parent: 'consumers', child: 'acls', field: 'consumer' },
  { parent: 'consumers', child: 'jwts', segment: 'jwt', field: 'consumer' },
  { parent: 'consumers', child: 'hmac-auths', segment: 'hmac-auth', field: 'consumer' },
  { parent: 'consumers', child: 'mtls-auths', segment: 'mtls-auth', field: 'consumer' },
  { parent: 'services', child: 'degraphql_routes', segment: 'degraphql/routes', field: 'service' },
  { parent: 'services', child: 'graphql-rate-limiting-advanced/costs', field: 'service' },
];

function crudRoutes(ctx: EmulatorContext, list: string, collection: string, nesting?: Nesting, only?: 'list' | 'read'): Route[] {
  const handlers = crudHandlers(ctx, specOf(collection), nesting);
  const reads: Route[] = [
    { method: 'GET', pattern: list, handler: handlers.list },
    { method: 'GET', pattern: `${list}/:id`, handler: handlers.get },
  ];
  if (only === 'list') return reads.slice(0, 1);
  if (only === 'read') return reads;
  return [
    { method: 'GET', pattern: list, handler: handlers.list },
    { method: 'POST', pattern: list, handler: handlers.create },
    { method: 'GET', pattern: `${list}/:id`, handler: handlers.get },
    { method: 'PUT', pattern: `${list}/:id`, handler: handlers.put },
    { method: 'DELETE', pattern: `${list}/:id`, handler: handlers.remove },
  ];
}

export function coreRoutes(ctx: EmulatorContext): Route[] {
  return [
    // Targets and credentials are written under their parent; the top-level paths read them all.
    ...COLLECTIONS.flatMap((spec) => crudRoutes(ctx, `${CORE_BASE}/${spec.collection}`, spec.collection, undefined, spec.topLevel)),
    ...NESTED.flatMap((nested) => crudRoutes(ctx, `${CORE_BASE}/${nested.parent}/:parentId/${nested.segment ?? nested.child}`, nested.child, nested)),
    ...memberRoutes(ctx, CORE_BASE),
    ...extraRoutes(ctx, CORE_BASE),
  ];
}
