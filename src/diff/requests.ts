// Operations → PlannedRequests, from the kind's descriptor (paths, write spec, encode, buildRequests).
import type { Entity } from '../model/entity.js';
import type { Json, JsonObject } from '../model/json.js';
import type { Geo } from '../model/state.js';
import type { PlannedRequest, ReadinessCheck } from '../model/plan.js';
import type { EncodeContext } from '../kinds/descriptor.js';
import { kindOf } from '../kinds/registry.js';
import { CONTROL_PLANE_KIND, targetKey } from './entity-refs.js';
import type { Change } from './compare.js';
import { deepMerge } from './json-tools.js';
import { isRegional } from '../konnect/base-urls.js';

const placeholder = (kind: string, key: string): string => `{$id:${kind}:${key}}`;

function encodeContext(geo: Geo, controlPlane: string | undefined): EncodeContext {
  return { geo, id: (kind, local) => ({ $id: `${kind}:${targetKey(kind, controlPlane, local)}` }) };
}

/** Requests to a regional API of an entity that lives in another geo than the plan's go to that geo. */
function placed<T extends { api: PlannedRequest['api']; geo?: Geo }>(items: T[], entity: Entity, planGeo: Geo): T[] {
  const geo = entity.geo;
  if (geo === undefined || geo === planGeo) return items;
  for (const item of items) if (isRegional(item.api)) item.geo = geo;
  return items;
}

/** Resolves `{controlPlaneId}`, `{parentId}`, `{id}` and `{ref:field}` into id placeholders. */
export function resolvePath(template: string, entity: Entity): string {
  const descriptor = kindOf(entity.kind);
  return template.replace(/\{(controlPlaneId|parentId|id|ref:[^}]+)\}/g, (_match, name: string) => {
    if (name === 'controlPlaneId') return placeholder(CONTROL_PLANE_KIND, entity.controlPlane ?? '');
    if (name === 'id') return placeholder(entity.kind, entity.key);
    const parent = descriptor.parent;
    const field = name === 'parentId' ? parent?.field : name.slice('ref:'.length);
    const kind = name === 'parentId' ? parent?.kind : descriptor.refs.find((ref) => ref.path === field)?.kind;
    const value = field === undefined ? undefined : entity.fields[field];
    if (kind === undefined || typeof value !== 'string') return placeholder('unknown', `${entity.kind}:${entity.key}:${name}`);
    return placeholder(kind, targetKey(kind, entity.controlPlane, value));
  });
}

function paths(entity: Entity): { listPath: string; itemPath: string } {
  const { list, item } = kindOf(entity.kind).paths;
  return { listPath: resolvePath(list, entity), itemPath: resolvePath(item, entity) };
}

/** A write of a value Konnect is to store as sent (descriptor `storedAsSent`) carries the query that says so. */
function asSentPath(path: string, entity: Entity): string {
  const asSent = kindOf(entity.kind).storedAsSent;
  if (!asSent || entity.fields[asSent.as] === undefined) return path;
  return `${path}?${new URLSearchParams(asSent.query).toString()}`;
}

function withAccept(request: PlannedRequest, statuses: number[] | undefined): PlannedRequest {
  if (statuses && statuses.length > 0) request.acceptStatuses = [...statuses];
  return request;
}

function createRequests(entity: Entity, planGeo: Geo): PlannedRequest[] {
  return placed(createRequestsIn(entity, encodeContext(entity.geo ?? planGeo, entity.controlPlane)), entity, planGeo);
}

function createRequestsIn(entity: Entity, ctx: EncodeContext): PlannedRequest[] {
  const descriptor = kindOf(entity.kind);
  const where = paths(entity);
  if (descriptor.buildRequests) {
    return descriptor.buildRequests('create', { after: entity.fields, ctx, ...where, ref: `${entity.kind}:${entity.key}` });
  }
  const create = descriptor.write.create;
  if (!create) return [];
  const request: PlannedRequest = {
    api: descriptor.api,
    method: create.method,
    path: asSentPath(create.path === 'list' ? where.listPath : where.itemPath, entity),
    body: descriptor.encode(entity.fields, ctx),
    captures: `${entity.kind}:${entity.key}`,
  };
  // Core entities take a client-chosen id, so an id pinned in the file is kept (decK behaviour).
  if (entity.id !== undefined && descriptor.api === 'core-entities' && request.body && request.body.id === undefined) request.body.id = entity.id;
  return [withAccept(request, create.acceptStatuses)];
}

/**
 * A PATCH body: the allowed fields the file sets; an allowed field the file no longer sets but live has goes back to
 * its default (or null when it has none).
 */
function pick(body: JsonObject, fields: readonly string[], previous: JsonObject, defaulted: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const name of fields) {
    if (body[name] !== undefined) out[name] = body[name] as Json;
    else if (previous[name] !== undefined) out[name] = defaulted[name] ?? null;
  }
  return out;
}

function updateRequests(desired: Entity, live: Entity, planGeo: Geo, renamedFrom: string | undefined): PlannedRequest[] {
  return placed(updateRequestsIn(desired, live, encodeContext(desired.geo ?? planGeo, desired.controlPlane), renamedFrom), desired, planGeo);
}

function updateRequestsIn(desired: Entity, live: Entity, ctx: EncodeContext, renamedFrom: string | undefined): PlannedRequest[] {
  const descriptor = kindOf(desired.kind);
  // A rename addresses the entity by the key Konnect still knows, and records its id under the new key.
  const where = paths(renamedFrom === undefined ? desired : { ...desired, key: renamedFrom });
  if (descriptor.buildRequests) {
    return descriptor.buildRequests('update', { before: live.fields, after: desired.fields, ctx, ...where, ref: `${desired.kind}:${desired.key}` });
  }
  const update = descriptor.write.update;
  if (update === 'replace') return [];
  const encoded = descriptor.encode(desired.fields, ctx);
  const defaults = descriptor.defaults?.(desired.fields);
  const fields = typeof update.fields === 'function' ? update.fields(desired.fields) : update.fields;
  const body = fields
    ? pick(encoded, fields, descriptor.encode(live.fields, ctx), defaults ? descriptor.encode(deepMerge(defaults, desired.fields), ctx) : encoded)
    : encoded;
  // A write may give the entity a new id (a configuration PUT does): what waits on it or references it uses the
  // response's id. A rename also records the id under the new key.
  const request: PlannedRequest = {
    api: descriptor.api,
    method: update.method,
    path: asSentPath(update.path === 'list' ? where.listPath : where.itemPath, desired),
    body,
    captures: `${desired.kind}:${desired.key}`,
  };
  return [withAccept(request, update.acceptStatuses)];
}

function deleteRequests(entity: Entity, planGeo: Geo): PlannedRequest[] {
  return placed(deleteRequestsIn(entity, encodeContext(entity.geo ?? planGeo, entity.controlPlane)), entity, planGeo);
}

function deleteRequestsIn(entity: Entity, ctx: EncodeContext): PlannedRequest[] {
  const descriptor = kindOf(entity.kind);
  const where = paths(entity);
  const remove = descriptor.write.delete;
  if (remove === 'none') {
    return descriptor.buildRequests ? descriptor.buildRequests('delete', { before: entity.fields, ctx, ...where, ref: `${entity.kind}:${entity.key}` }) : [];
  }
  const request: PlannedRequest = { api: descriptor.api, method: remove.method, path: remove.path === 'list' ? where.listPath : where.itemPath };
  if (remove.body) request.body = remove.body(entity.fields, ctx);
  return [withAccept(request, remove.acceptStatuses)];
}

/** Whether the API can delete this kind at all (a delete op with no request would be a lie). */
export function canDelete(entity: Entity): boolean {
  const descriptor = kindOf(entity.kind);
  return descriptor.write.delete !== 'none' || descriptor.buildRequests !== undefined;
}

/**
 * The requests of a change. They read only what the plan keeps of it (desired model fields, the live side's `before`,
 * `renamedFrom`, the operation's `geo`), so that apply can re-derive them from a plan file and refuse one whose
 * requests were edited. An entity without a geo of its own is in `planGeo`.
 */
export function requestsFor(change: Change, planGeo: Geo): PlannedRequest[] {
  if (change.action === 'create') return createRequests(change.desired!, planGeo);
  if (change.action === 'delete') return deleteRequests(change.live!, planGeo);
  const live: Entity = { ...change.live!, fields: change.before ?? change.live!.fields };
  if (change.action === 'update') return updateRequests(change.desired!, live, planGeo, change.renamedFrom);
  const renamed = change.renamedFrom === undefined ? live : { ...live, key: change.renamedFrom };
  return [...deleteRequests(renamed, planGeo), ...createRequests(change.desired!, planGeo)];
}

/** The readiness poll for an entity of an async kind, or undefined. */
export function readinessFor(entity: Entity, planGeo: Geo): ReadinessCheck | undefined {
  const descriptor = kindOf(entity.kind);
  if (!descriptor.readiness) return undefined;
  const { statePath, ready, failed } = descriptor.readiness;
  const check: ReadinessCheck = { api: descriptor.api, path: resolvePath(descriptor.paths.item, entity), statePath, ready: [...ready], failed: [...failed] };
  return placed([check], entity, planGeo)[0];
}
