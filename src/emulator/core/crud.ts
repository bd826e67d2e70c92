import type { JsonObject } from '../../model/json.js';
import type { EmulatorContext, EmuRequest, EmuResponse, Handler } from '../types.js';
import { deleteEntity, saveEntity } from './engine.js';
import { entityNotFound } from './errors.js';
import { listPage } from './list.js';
import { inScope } from './scope.js';
import type { CollectionSpec, Scope } from './spec.js';
import { SPECS } from './table.js';
import { findItem, isUuid, itemsOf, refId } from './store.js';

/** `/<parent>/:parentId/<collection>`: children point at the parent through `field`. */
export interface Nesting {
  parent: string;
  field: string;
}

/** Resolves the control plane and (when nested) the parent, then runs `next`. */
function within(
  ctx: EmulatorContext,
  nesting: Nesting | undefined,
  next: (scope: Scope, parent: JsonObject | undefined, request: EmuRequest, params: Record<string, string>) => EmuResponse,
): Handler {
  return inScope(ctx, (scope, request, params) => {
    if (!nesting) return next(scope, undefined, request, params);
    const parent = findItem(ctx, scope.controlPlaneId, nesting.parent, params.parentId ?? '', SPECS.get(nesting.parent)?.nameField);
    if (!parent) return request.method === 'DELETE' ? { status: 204 } : entityNotFound();
    return next(scope, parent, request, params);
  });
}

function childOf(item: JsonObject, parent: JsonObject | undefined, nesting: Nesting | undefined): boolean {
  return !nesting || !parent || refId(item[nesting.field]) === parent.id;
}

function forcedParent(parent: JsonObject | undefined, nesting: Nesting | undefined): JsonObject {
  return nesting && parent ? { [nesting.field]: { id: String(parent.id) } } : {};
}

export interface CrudHandlers {
  list: Handler;
  create: Handler;
  get: Handler;
  put: Handler;
  remove: Handler;
}

export function crudHandlers(ctx: EmulatorContext, spec: CollectionSpec, nesting?: Nesting): CrudHandlers {
  const find = (scope: Scope, parent: JsonObject | undefined, key: string): JsonObject | undefined => {
    const item = findItem(ctx, scope.controlPlaneId, spec.collection, key, spec.nameField);
    return item && childOf(item, parent, nesting) ? item : undefined;
  };
  return {
    list: within(ctx, nesting, (scope, parent, request) =>
      listPage(request, itemsOf(ctx, scope.controlPlaneId, spec.collection), {
        ...spec,
        sorted: true,
        ...(nesting && parent ? { keep: (item: JsonObject) => childOf(item, parent, nesting) } : {}),
      }),
    ),
    create: within(ctx, nesting, (scope, parent, request) => {
      const result = saveEntity(scope, spec, request.body, { forced: forcedParent(parent, nesting), query: request.query });
      return 'error' in result ? result.error : { status: 201, body: result.item };
    }),
    get: within(ctx, nesting, (scope, parent, request, params) => {
      const item = find(scope, parent, params.id ?? '');
      if (!item) return entityNotFound();
      return { status: 200, body: spec.wrapItem && !nesting ? spec.wrapItem(item, scope, request.query) : item };
    }),
    put: within(ctx, nesting, (scope, parent, request, params) => {
      const key = params.id ?? '';
      const existing = find(scope, parent, key);
      const forced = forcedParent(parent, nesting);
      // PUT /services/my-name creates a service with that name, as the Admin API does.
      if (!existing && !isUuid(key) && spec.nameField) forced[spec.nameField] = key;
      const id = existing ? String(existing.id) : isUuid(key) ? key : ctx.newId();
      const result = saveEntity(scope, spec, request.body, { existing, id, forced, query: request.query });
      return 'error' in result ? result.error : { status: 200, body: result.item };
    }),
    remove: within(ctx, nesting, (scope, parent, _request, params) => {
      const item = find(scope, parent, params.id ?? '');
      return item ? deleteEntity(scope, spec, item) : { status: 204 };
    }),
  };
}
