import type { EmuRequest, EmuResponse, EmulatorContext, Route } from '../types.js';
import type { JsonObject } from '../../model/json.js';
import { bodyOf, clone, iso, type PlatformEnv } from '../env.js';
import { applyFilters, paginate, sortByCreation, type FilterSpec } from '../list.js';
import { badRequest, conflict, json, noContent, notFound } from '../problem.js';
import { createControlPlaneSchema, updateControlPlaneSchema } from '../schemas/control-planes.js';
import { validateBody } from '../validate.js';
import { isUuid } from '../core/store.js';
import { controlPlaneGeo, forgetControlPlane, placeControlPlane, requestGeo } from '../geos.js';
import type { Geo } from '../../model/state.js';

const API = 'control-planes';
export const GROUP = 'CLUSTER_TYPE_CONTROL_PLANE_GROUP';

const FILTERS: FilterSpec = {
  id: ['eq', 'oeq'],
  name: ['eq', 'neq', 'contains'],
  cluster_type: { ops: ['eq', 'neq', 'oeq'], path: 'config.cluster_type' },
  cloud_gateway: { ops: ['eq'], path: 'config.cloud_gateway' },
};

export function findControlPlane(ctx: EmulatorContext, id: string): JsonObject | undefined {
  return ctx.data.controlPlanes[id];
}

export function clusterType(controlPlane: JsonObject): string {
  const config = controlPlane.config as JsonObject;
  return String(config.cluster_type);
}

/** Names are unique within a geo: each geo is its own Konnect region. */
function nameTaken(ctx: EmulatorContext, name: string, geo: Geo, except?: string): boolean {
  return Object.values(ctx.data.controlPlanes).some((cp) => cp.name === name && cp.id !== except && controlPlaneGeo(ctx, String(cp.id)) === geo);
}

const duplicateName = () => conflict('Control Plane with provided name already exists.');

function create(ctx: EmulatorContext, request: EmuRequest): EmuResponse {
  const rejected = validateBody(API, createControlPlaneSchema, request.body);
  if (rejected) return rejected;
  const body = bodyOf(request);
  const name = String(body.name);
  const geo = requestGeo(request);
  if (nameTaken(ctx, name, geo)) return duplicateName();
  const id = ctx.newId();
  const host = id.replace(/-/g, '').slice(0, 10);
  const now = iso(ctx);
  const controlPlane: JsonObject = {
    id,
    name,
    description: body.description ?? '',
    labels: body.labels ?? {},
    config: {
      control_plane_endpoint: `https://${host}.${geo}.cp.konghq.com`,
      telemetry_endpoint: `https://${host}.${geo}.tp0.konghq.com`,
      cluster_type: body.cluster_type ?? 'CLUSTER_TYPE_CONTROL_PLANE',
      auth_type: body.auth_type ?? 'pinned_client_certs',
      cloud_gateway: body.cloud_gateway ?? false,
      proxy_urls: body.proxy_urls ?? [],
    },
    created_at: now,
    updated_at: now,
  };
  ctx.data.controlPlanes[id] = controlPlane;
  placeControlPlane(ctx, id, geo);
  if (controlPlane.config && (controlPlane.config as JsonObject).cluster_type === GROUP) ctx.data.memberships[id] = [];
  ctx.touch();
  return json(201, controlPlane);
}

/** `labels=key:value,existCheck`: every term must hold. */
function labelFilter(items: JsonObject[], query: string | null): JsonObject[] {
  if (!query) return items;
  const terms = query.split(',').filter((term) => term !== '');
  return items.filter((item) => {
    const labels = (item.labels ?? {}) as JsonObject;
    return terms.every((term) => {
      const [key, ...rest] = term.split(':');
      if (rest.length === 0) return labels[key ?? ''] !== undefined;
      return labels[key ?? ''] === rest.join(':');
    });
  });
}

function list(ctx: EmulatorContext, request: EmuRequest): EmuResponse {
  const geo = requestGeo(request);
  const sorted = sortByCreation(Object.values(ctx.data.controlPlanes).filter((cp) => controlPlaneGeo(ctx, String(cp.id)) === geo));
  const filtered = applyFilters(API, sorted, request.query, FILTERS);
  if (!Array.isArray(filtered)) return filtered;
  let items = labelFilter(filtered, request.query.get('labels'));
  const sort = request.query.get('sort');
  if (sort) {
    const [field = 'created_at', direction] = sort.split(/\s+/);
    items = [...items].sort((a, b) => String(a[field]).localeCompare(String(b[field])) * (direction === 'desc' ? -1 : 1));
  }
  return paginate(API, items, request);
}

function update(ctx: EmulatorContext, request: EmuRequest, id: string): EmuResponse {
  const controlPlane = findControlPlane(ctx, id);
  if (!controlPlane) return notFound(API);
  const rejected = validateBody(API, updateControlPlaneSchema, request.body);
  if (rejected) return rejected;
  const body = bodyOf(request);
  if (typeof body.name === 'string' && nameTaken(ctx, body.name, controlPlaneGeo(ctx, id), id)) return duplicateName();
  const config = controlPlane.config as JsonObject;
  for (const field of ['name', 'description', 'labels'] as const) if (body[field] !== undefined) controlPlane[field] = body[field];
  for (const field of ['auth_type', 'proxy_urls'] as const) if (body[field] !== undefined) config[field] = body[field];
  controlPlane.updated_at = iso(ctx);
  ctx.touch();
  return json(200, controlPlane);
}

function remove(env: PlatformEnv, id: string): EmuResponse {
  const { ctx } = env;
  if (!findControlPlane(ctx, id)) return notFound(API);
  delete ctx.data.controlPlanes[id];
  forgetControlPlane(ctx, id);
  delete ctx.data.memberships[id];
  for (const [group, members] of Object.entries(ctx.data.memberships)) {
    ctx.data.memberships[group] = members.filter((member) => member !== id);
  }
  delete ctx.data.configurations[id];
  env.hooks.dropControlPlane(ctx, id);
  ctx.touch();
  return noContent;
}

/** A syntactically invalid id is a 400 on Konnect's control-planes API, an unknown one a 404. */
export function checkId(id: string): EmuResponse | undefined {
  if (isUuid(id)) return undefined;
  return badRequest(API, [{ field: 'id', reason: 'invalid ID format', rule: 'is_uuid', source: 'path' }], 'Request contains invalid ID format');
}

export function controlPlaneRoutes(env: PlatformEnv): Route[] {
  const { ctx } = env;
  const id = (params: Record<string, string>) => params.controlPlaneId ?? '';
  return [
    { method: 'POST', pattern: '/control-planes', handler: (request) => create(ctx, request) },
    { method: 'GET', pattern: '/control-planes', handler: (request) => list(ctx, request) },
    {
      method: 'GET',
      pattern: '/control-planes/:controlPlaneId',
      handler: (_request, params) => {
        const found = findControlPlane(ctx, id(params));
        return checkId(id(params)) ?? (found ? json(200, clone(found)) : notFound(API));
      },
    },
    { method: 'PATCH', pattern: '/control-planes/:controlPlaneId', handler: (request, params) => checkId(id(params)) ?? update(ctx, request, id(params)) },
    { method: 'DELETE', pattern: '/control-planes/:controlPlaneId', handler: (_request, params) => checkId(id(params)) ?? remove(env, id(params)) },
  ];
}
