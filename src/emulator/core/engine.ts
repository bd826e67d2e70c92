import { isJsonObject, sortKeysDeep, type JsonObject } from '../../model/json.js';
import type { EmuResponse } from '../types.js';
import { constraintError, entityError, foreignViolation, uniqueViolation, validationError, type ErrorDetail } from './errors.js';
import { RELATIONS, type CollectionSpec, type Scope } from './spec.js';
import { collectionOf, epochSeconds, refId, writeItem } from './store.js';
import { validateBody } from './validate.js';

export interface SaveOptions {
  /** The stored entity a PUT replaces. */
  existing?: JsonObject;
  /** The id to use (PUT path id); otherwise the body's or a new one. */
  id?: string;
  /** Fields the path decides (nested parent, PUT by name); they override the body. */
  forced?: JsonObject;
  /** Validate and check only (`/schemas/{entity}/validate`): nothing is stored. */
  dryRun?: boolean;
  /** The request's query string, for the collections whose writes read it. */
  query?: URLSearchParams;
}

export type SaveResult = { item: JsonObject } | { error: EmuResponse };

const SERVER_FIELDS = ['id', 'created_at', 'updated_at'];

function timestamp(scope: Scope, spec: CollectionSpec): number {
  return spec.fractionalTimestamps ? Math.round(scope.ctx.now()) / 1000 : epochSeconds(scope.ctx);
}

function foreignKeyErrors(scope: Scope, spec: CollectionSpec, item: JsonObject): ErrorDetail[] {
  return RELATIONS.filter((relation) => relation.from === spec.collection).flatMap((relation) => {
    const id = refId(item[relation.field]);
    if (id === undefined) return [];
    return collectionOf(scope.ctx, scope.controlPlaneId, relation.to)[id] ? [] : [foreignViolation(relation.field)];
  });
}

function uniqueErrors(scope: Scope, spec: CollectionSpec, item: JsonObject, id: string): ErrorDetail[] {
  const others = Object.values(collectionOf(scope.ctx, scope.controlPlaneId, spec.collection)).filter((other) => other.id !== id);
  return spec.unique.flatMap((rule) => {
    const key = rule.key(item);
    return key !== undefined && others.some((other) => rule.key(other) === key) ? [uniqueViolation(rule.field)] : [];
  });
}

/** Validate, fill defaults, check constraints and store: the one write path of every collection. */
export function saveEntity(scope: Scope, spec: CollectionSpec, raw: unknown, options: SaveOptions = {}): SaveResult {
  if (!isJsonObject(raw)) return { error: validationError([entityError('request body must be a JSON object')]) };
  const body: JsonObject = { ...raw, ...options.forced };
  const invalid = validateBody(spec.schema(body), body);
  if (invalid.length > 0) return { error: validationError(invalid) };
  const fields: JsonObject = {};
  for (const [key, value] of Object.entries(body)) if (!SERVER_FIELDS.includes(key)) fields[key] = value;
  const filled = spec.fill(fields, scope, options.query);
  if (Array.isArray(filled)) return { error: validationError(filled) };
  const id = options.id ?? (typeof raw.id === 'string' ? raw.id : scope.ctx.newId());
  const items = collectionOf(scope.ctx, scope.controlPlaneId, spec.collection);
  const constraint = [
    ...(options.existing === undefined && items[id] && !options.dryRun ? [uniqueViolation('id')] : []),
    // Kong's `/schemas/{entity}/validate` checks the body against the schema, not the database: references to
    // entities that do not exist yet (foreign keys, partial links) are fine there (decK validates before creating).
    ...(options.dryRun ? [] : foreignKeyErrors(scope, spec, filled)),
    ...(spec.check?.(filled, scope) ?? []).filter((detail) => !options.dryRun || detail.type !== 'ERROR_TYPE_REFERENCE'),
    ...(options.dryRun ? [] : uniqueErrors(scope, spec, filled, id)),
  ];
  if (constraint.length > 0) return { error: constraintError(constraint) };
  if (options.dryRun) return { item: filled };
  const now = timestamp(scope, spec);
  const createdAt = options.existing?.created_at ?? now;
  const item = sortKeysDeep({ ...filled, id, created_at: createdAt, ...(spec.createdAtOnly ? {} : { updated_at: now }) }) as JsonObject;
  writeItem(items, id, item);
  scope.ctx.touch();
  return { item };
}

/** Why the entity cannot be deleted now (restricting references, collection rules); empty: it can. */
export function deleteBlockers(scope: Scope, spec: CollectionSpec, item: JsonObject): ErrorDetail[] {
  const restricting = RELATIONS.filter((relation) => relation.to === spec.collection && relation.onDelete === 'restrict').flatMap((relation) => {
    const referrers = Object.values(collectionOf(scope.ctx, scope.controlPlaneId, relation.from));
    return referrers.some((referrer) => refId(referrer[relation.field]) === item.id)
      ? [entityError(`an existing '${relation.from}' entity references this '${spec.collection}' entity`)]
      : [];
  });
  return [...restricting, ...(spec.blockDelete?.(item, scope) ?? [])];
}

/** Removes the entity and, as Kong's `on_delete: cascade`, what hangs off it. */
export function removeEntity(scope: Scope, collection: string, id: string): void {
  const items = collectionOf(scope.ctx, scope.controlPlaneId, collection);
  if (!items[id]) return;
  writeItem(items, id, undefined);
  for (const relation of RELATIONS.filter((r) => r.to === collection && r.onDelete === 'cascade')) {
    for (const referrer of Object.values(collectionOf(scope.ctx, scope.controlPlaneId, relation.from))) {
      if (refId(referrer[relation.field]) === id) removeEntity(scope, relation.from, String(referrer.id));
    }
  }
  scope.ctx.touch();
}

export function deleteEntity(scope: Scope, spec: CollectionSpec, item: JsonObject): EmuResponse {
  const blockers = deleteBlockers(scope, spec, item);
  if (blockers.length > 0) return constraintError(blockers);
  removeEntity(scope, spec.collection, String(item.id));
  return { status: 204 };
}
