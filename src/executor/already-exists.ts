// A create answered "already exists": another run (a concurrent sync) may have made the very entity this one plans.
import type { Operation, PlannedRequest } from '../model/plan.js';
import type { Entity } from '../model/entity.js';
import { deepEqual, isJsonObject, type JsonObject } from '../model/json.js';
import type { Geo } from '../model/state.js';
import { ApiError } from '../konnect/api-error.js';
import { kindOf } from '../kinds/registry.js';
import { comparablePair } from '../diff/normalize.js';
import { requestsFor } from '../diff/requests.js';
import { ExecutionError } from './errors.js';
import { renderEnv } from './env.js';
import { splitKey } from './split-key.js';
import type { IdResolver } from './resolve.js';

/**
 * Konnect's "already exists": 409 (the platform APIs, Koko's AlreadyExists) or Koko's 400 data constraint error with
 * a `(type: unique)` violation (core entities).
 */
export function isAlreadyExists(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.status === 409) return true;
  if (error.status !== 400 || !isJsonObject(error.body ?? null)) return false;
  const details = (error.body as JsonObject).details;
  return Array.isArray(details) && details.some((detail) => isJsonObject(detail) && JSON.stringify(detail.messages ?? []).includes('(type: unique)'));
}

/** Whether `planned` is the request that creates the operation's own entity. */
export function createsOwnEntity(op: Operation, planned: PlannedRequest): boolean {
  return (op.action === 'create' || op.action === 'replace') && planned.captures === `${op.kind}:${op.key}` && (planned.method === 'POST' || planned.method === 'PUT');
}

export interface AdoptContext {
  resolver: IdResolver;
  env: Readonly<Record<string, string | undefined>>;
  geo: Geo;
  /** Sends one more planned request (ids and env rendered), as the operation's own requests are sent. */
  send(request: PlannedRequest): Promise<void>;
}

/**
 * The create of `op` was answered "already exists". When the entity holding its natural key equals the desired one,
 * the operation converged; when it differs and the kind can be updated in place, the update the planner would make
 * is sent; otherwise (or when the unique value is held by another entity) it fails naming the entity. Returns the
 * note for the report.
 */
export async function adoptExisting(op: Operation, refused: unknown, ctx: AdoptContext): Promise<string> {
  const ref = `${op.kind}:${op.key}`;
  const hit = await ctx.resolver.lookup(ref, { fresh: true });
  if (!hit?.fields) throw refused;
  const descriptor = kindOf(op.kind);
  const { controlPlane } = splitKey(descriptor, op.key);
  const base = { kind: op.kind, key: op.key, ...(controlPlane !== undefined ? { controlPlane } : {}), ...(op.geo !== undefined ? { geo: op.geo } : {}) };
  const desired: Entity = { ...base, fields: renderEnv((op.fields ?? op.after ?? {}) as JsonObject, ctx.env) };
  const live: Entity = { ...base, fields: hit.fields, id: hit.id };
  const { before, after } = comparablePair(desired, live, descriptor);
  if (deepEqual(before, after)) return 'already existed as planned (converged: another run created it)';
  if (descriptor.write.update === 'replace') {
    throw new ExecutionError(`${op.title} already exists in Konnect with other values (another run created it?): run sync again to see the difference`);
  }
  for (const request of requestsFor({ action: 'update', kind: op.kind, key: op.key, desired, live, before, after, patch: [] }, ctx.geo)) {
    await ctx.send(request);
  }
  return 'already existed with other values: updated to the desired state';
}

/** A delete answered 404: the entity is gone already (a concurrent run deleted it), which is what was asked. */
export function isAlreadyGone(op: Operation, planned: PlannedRequest, error: unknown): boolean {
  return op.action === 'delete' && planned.method === 'DELETE' && error instanceof ApiError && error.status === 404;
}
