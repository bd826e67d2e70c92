import type { EmuRequest, EmuResponse, EmulatorContext, Route } from '../types.js';
import type { JsonObject } from '../../model/json.js';
import { bodyOf, clone, iso, type PlatformEnv } from '../env.js';
import { badRequest, invalid, json, noContent, notFound, type InvalidParameter } from '../problem.js';
import { groupMembershipSchema } from '../schemas/control-planes.js';
import { validateBody } from '../validate.js';
import { pageParam } from '../list.js';
import { GROUP, checkId, clusterType, findControlPlane } from './control-planes.js';
import { controlPlaneGeo } from '../geos.js';

const API = 'control-planes';
/** Docs /gateway/control-plane-groups/: limits of a group and of one call. */
const MAX_MEMBERS = 256;
const MAX_PER_CALL = 50;
const MAX_GROUPS_PER_MEMBER = 5;
const DEFAULT_SIZE = 100;
const MAX_SIZE = 100;

type Verb = 'put' | 'add' | 'remove';

type Found = { group: JsonObject; error?: undefined } | { error: EmuResponse };

function groupOf(ctx: EmulatorContext, id: string): Found {
  const rejected = checkId(id);
  if (rejected) return { error: rejected };
  const group = findControlPlane(ctx, id);
  if (!group) return { error: notFound(API) };
  if (clusterType(group) !== GROUP) return { error: invalid(API, 'id', 'control plane is not a control plane group', 'invalid', 'path') };
  return { group };
}

function memberIds(request: EmuRequest): string[] {
  const members = bodyOf(request).members as JsonObject[];
  return members.map((member) => String(member.id));
}

/** Checks each member; returns the errors Konnect would list. */
function checkMembers(ctx: EmulatorContext, groupId: string, ids: string[], verb: Verb): InvalidParameter[] {
  const errors: InvalidParameter[] = [];
  ids.forEach((id, index) => {
    const field = `members.${index}.id`;
    // A member lives in its group's geo: one of another geo does not exist there.
    const member = ctx.data.controlPlanes[id] && controlPlaneGeo(ctx, id) === controlPlaneGeo(ctx, groupId) ? ctx.data.controlPlanes[id] : undefined;
    if (!member) {
      if (verb !== 'remove') errors.push({ field, rule: 'missing_reference', reason: `control plane ${id} does not exist`, source: 'body' });
      return;
    }
    if (verb === 'remove') return;
    const type = clusterType(member);
    if (type === GROUP) errors.push({ field, rule: 'invalid', reason: 'a control plane group cannot be a member of a group', source: 'body' });
    else if (type !== 'CLUSTER_TYPE_CONTROL_PLANE') errors.push({ field, rule: 'invalid', reason: `a control plane of type ${type} cannot be a member of a group`, source: 'body' });
    const groups = Object.entries(ctx.data.memberships).filter(([group, members]) => group !== groupId && members.includes(id));
    if (groups.length >= MAX_GROUPS_PER_MEMBER) {
      errors.push({ field, rule: 'invalid', reason: `control plane ${id} is already a member of ${MAX_GROUPS_PER_MEMBER} groups`, source: 'body' });
    }
  });
  return errors;
}

function write(ctx: EmulatorContext, request: EmuRequest, groupId: string, verb: Verb): EmuResponse {
  const found = groupOf(ctx, groupId);
  if (found.error) return found.error;
  const rejected = validateBody(API, groupMembershipSchema, request.body);
  if (rejected) return rejected;
  const ids = [...new Set(memberIds(request))];
  if (ids.length > MAX_PER_CALL) {
    return badRequest(API, [{ field: 'members', rule: 'max_items', maximum: MAX_PER_CALL, reason: `at most ${MAX_PER_CALL} members can be changed per request`, source: 'body' }]);
  }
  const errors = checkMembers(ctx, groupId, ids, verb);
  if (errors.length > 0) return badRequest(API, errors);
  const current = ctx.data.memberships[groupId] ?? [];
  let next: string[];
  if (verb === 'put') next = ids;
  else if (verb === 'add') next = [...current, ...ids.filter((id) => !current.includes(id))];
  else next = current.filter((id) => !ids.includes(id));
  if (next.length > MAX_MEMBERS) {
    return badRequest(API, [{ field: 'members', rule: 'max_items', maximum: MAX_MEMBERS, reason: `a control plane group can have at most ${MAX_MEMBERS} members`, source: 'body' }]);
  }
  ctx.data.memberships[groupId] = next;
  found.group.updated_at = iso(ctx);
  ctx.touch();
  return noContent;
}

const encodeCursor = (offset: number) => Buffer.from(JSON.stringify({ offset })).toString('base64url');
function decodeCursor(cursor: string): number | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { offset?: unknown };
    return typeof parsed.offset === 'number' && Number.isInteger(parsed.offset) && parsed.offset >= 0 ? parsed.offset : undefined;
  } catch {
    return undefined;
  }
}

/** Cursor pagination: `page[after]` in, `meta.page.next` (a path, or null) out; `total` only on the first page. */
function list(ctx: EmulatorContext, request: EmuRequest, groupId: string): EmuResponse {
  const found = groupOf(ctx, groupId);
  if (found.error) return found.error;
  const size = pageParam(API, request.query, 'page[size]', DEFAULT_SIZE, MAX_SIZE);
  if (typeof size !== 'number') return size;
  const after = request.query.get('page[after]');
  const offset = after ? decodeCursor(after) : 0;
  if (offset === undefined) return badRequest(API, [{ field: 'page[after]', rule: 'invalid', reason: 'invalid cursor', source: 'query' }]);
  const members = (ctx.data.memberships[groupId] ?? []).map((id) => ctx.data.controlPlanes[id]).filter((cp): cp is JsonObject => !!cp);
  const data = members.slice(offset, offset + size).map((cp) => clone(cp));
  const end = offset + size;
  const next = end < members.length ? `/control-planes/${groupId}/group-memberships?page[size]=${size}&page[after]=${encodeCursor(end)}` : null;
  const page: JsonObject = { next, size };
  if (!after) page.total = members.length;
  return json(200, { data, meta: { page } });
}

export function groupMembershipRoutes(env: PlatformEnv): Route[] {
  const { ctx } = env;
  const base = '/control-planes/:controlPlaneId';
  const id = (params: Record<string, string>) => params.controlPlaneId ?? '';
  return [
    { method: 'GET', pattern: `${base}/group-memberships`, handler: (request, params) => list(ctx, request, id(params)) },
    { method: 'PUT', pattern: `${base}/group-memberships`, handler: (request, params) => write(ctx, request, id(params), 'put') },
    { method: 'POST', pattern: `${base}/group-memberships/add`, handler: (request, params) => write(ctx, request, id(params), 'add') },
    { method: 'POST', pattern: `${base}/group-memberships/remove`, handler: (request, params) => write(ctx, request, id(params), 'remove') },
    {
      method: 'GET',
      pattern: `${base}/group-member-status`,
      handler: (_request, params) => {
        const rejected = checkId(id(params));
        if (rejected) return rejected;
        if (!findControlPlane(ctx, id(params))) return notFound(API);
        return json(200, { is_member: Object.values(ctx.data.memberships).some((members) => members.includes(id(params))) });
      },
    },
    {
      method: 'GET',
      pattern: `${base}/group-status`,
      handler: (_request, params) => {
        const found = groupOf(ctx, id(params));
        if (found.error) return found.error;
        const group = found.group;
        return json(200, { item: { id: group.id, created_at: group.created_at, updated_at: group.updated_at, state: 'OK', conflicts: [] } });
      },
    },
  ];
}
