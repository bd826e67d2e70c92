import type { Json, JsonObject } from '../../model/json.js';
import type { EmulatorContext, EmuRequest, Handler, Route } from '../types.js';
import { inScope } from './scope.js';
import { removeEntity } from './engine.js';
import { alreadyExists, entityNotFound, uniqueViolation, validationError } from './errors.js';
import { listPage } from './list.js';
import { MEMBERS, type Scope } from './spec.js';
import { collectionOf, epochSeconds, findItem, itemsOf, refId, writeItem } from './store.js';

// Membership of a consumer in a consumer group: its own resource in Konnect, stored as
// `{id: "<group>:<consumer>", consumer_group: {id}, consumer: {id}}`.

function memberships(scope: Scope): readonly JsonObject[] {
  return itemsOf(scope.ctx, scope.controlPlaneId, MEMBERS);
}

function consumersOf(scope: Scope, groupId: string): JsonObject[] {
  const consumers = collectionOf(scope.ctx, scope.controlPlaneId, 'consumers');
  return memberships(scope)
    .filter((member) => refId(member.consumer_group) === groupId)
    .flatMap((member): JsonObject[] => { const consumer = consumers[refId(member.consumer) ?? '']; return consumer ? [consumer] : []; });
}

function groupsOf(scope: Scope, consumerId: string): JsonObject[] {
  const groups = collectionOf(scope.ctx, scope.controlPlaneId, 'consumer_groups');
  return memberships(scope)
    .filter((member) => refId(member.consumer) === consumerId)
    .flatMap((member): JsonObject[] => { const group = groups[refId(member.consumer_group) ?? '']; return group ? [group] : []; });
}

/** GET /consumer_groups/:id answers `{consumer_group}`, plus `consumers` with `list_consumers=true`. */
export function consumerGroupWrapper(item: JsonObject, scope: Scope, query: URLSearchParams): Json {
  const out: JsonObject = { consumer_group: item };
  if (query.get('list_consumers') === 'true') out.consumers = consumersOf(scope, String(item.id));
  return out;
}

function addMember(scope: Scope, group: JsonObject, consumer: JsonObject): boolean {
  const id = `${String(group.id)}:${String(consumer.id)}`;
  const members = collectionOf(scope.ctx, scope.controlPlaneId, MEMBERS);
  if (members[id]) return false;
  writeItem(members, id, { id, consumer_group: { id: String(group.id) }, consumer: { id: String(consumer.id) }, created_at: epochSeconds(scope.ctx) });
  scope.ctx.touch();
  return true;
}

type Side = { collection: 'consumer_groups' | 'consumers'; nameField: string; bodyField: string };
const GROUP: Side = { collection: 'consumer_groups', nameField: 'name', bodyField: 'group' };
const CONSUMER: Side = { collection: 'consumers', nameField: 'username', bodyField: 'consumer' };

/** Handlers for one side of the membership (`/consumer_groups/:id/consumers` or `/consumers/:id/consumer_groups`). */
function sideHandlers(ctx: EmulatorContext, owner: Side, other: Side) {
  const resolve = (scope: Scope, side: Side, key: string): JsonObject | undefined => findItem(ctx, scope.controlPlaneId, side.collection, key, side.nameField);
  const pair = (ownerItem: JsonObject, otherItem: JsonObject): [JsonObject, JsonObject] =>
    owner === GROUP ? [ownerItem, otherItem] : [otherItem, ownerItem];
  const related = (scope: Scope, item: JsonObject): JsonObject[] =>
    owner === GROUP ? consumersOf(scope, String(item.id)) : groupsOf(scope, String(item.id));
  const withOwner = (run: (scope: Scope, item: JsonObject, params: Record<string, string>, request: EmuRequest) => ReturnType<Handler>, missingOk = false): Handler =>
    inScope(ctx, (scope, request, params) => {
      const item = resolve(scope, owner, params.parentId ?? '');
      if (!item) return missingOk ? { status: 204 } : entityNotFound();
      return run(scope, item, params, request);
    });
  return {
    list: withOwner((scope, item, _params, request) => listPage(request, related(scope, item))),
    add: withOwner((scope, item, _params, { body }) => {
      const key = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[other.bodyField] : undefined;
      if (typeof key !== 'string') return validationError([{ type: 'ERROR_TYPE_ENTITY', messages: [`missing properties: '${other.bodyField}'`] }]);
      const otherItem = resolve(scope, other, key);
      if (!otherItem) return entityNotFound();
      const [group, consumer] = pair(item, otherItem);
      if (!addMember(scope, group, consumer)) return alreadyExists([uniqueViolation(other.bodyField)]);
      return owner === GROUP
        ? { status: 201, body: { consumer_group: group, consumers: consumersOf(scope, String(group.id)) } }
        : { status: 201, body: { consumer, consumer_groups: groupsOf(scope, String(consumer.id)) } };
    }),
    removeOne: withOwner((scope, item, params) => {
      const otherItem = resolve(scope, other, params.id ?? '');
      if (otherItem) {
        const [group, consumer] = pair(item, otherItem);
        removeEntity(scope, MEMBERS, `${String(group.id)}:${String(consumer.id)}`);
      }
      return { status: 204 };
    }, true),
    removeAll: withOwner((scope, item) => {
      const field = owner === GROUP ? 'consumer_group' : 'consumer';
      for (const member of memberships(scope)) if (refId(member[field]) === item.id) removeEntity(scope, MEMBERS, String(member.id));
      return { status: 204 };
    }),
  };
}

export function memberRoutes(ctx: EmulatorContext, base: string): Route[] {
  const sides: [Side, Side, string][] = [
    [GROUP, CONSUMER, 'consumer_groups/:parentId/consumers'],
    [CONSUMER, GROUP, 'consumers/:parentId/consumer_groups'],
  ];
  return sides.flatMap(([owner, other, path]) => {
    const handlers = sideHandlers(ctx, owner, other);
    return [
      { method: 'GET' as const, pattern: `${base}/${path}`, handler: handlers.list },
      { method: 'POST' as const, pattern: `${base}/${path}`, handler: handlers.add },
      { method: 'DELETE' as const, pattern: `${base}/${path}`, handler: handlers.removeAll },
      { method: 'DELETE' as const, pattern: `${base}/${path}/:id`, handler: handlers.removeOne },
    ];
  });
}
