import { CONTROL_PLANE_GROUP, isControlPlaneGroup } from './control-plane.js';
import { isJsonObject, type Json } from '../../model/json.js';
import type { KindDescriptor } from '../descriptor.js';
import type { PlannedRequest } from '../../model/plan.js';
import { str } from '../values.js';

/** Konnect accepts at most 50 members added or removed per call. */
export const MEMBERSHIP_CHUNK = 50;
function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
const names = (value: Json | undefined): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** The member list of a control plane group. */
export const controlPlaneMembership: KindDescriptor = {
  kind: 'control_plane_membership',
  title: 'control plane group membership',
  api: 'control-planes',
  scope: 'org',
  parent: { kind: 'control_plane', field: 'control_plane' },
  file: { nested: [{ in: 'control_plane', as: 'members', ref: 'control_plane', whole: 'members' }] },
  identity: (fields) => str(fields.control_plane),
  refs: [
    { path: 'control_plane', kind: 'control_plane' },
    { path: 'members[]', kind: 'control_plane' },
  ],
  check: (membership, ctx) => {
    const group = ctx.find('control_plane', String(membership.fields.control_plane));
    if (group && !isControlPlaneGroup(group)) {
      ctx.report(membership, ['members'], `members are allowed only on a control plane group (cluster_type: ${CONTROL_PLANE_GROUP})`);
    }
    const seen = new Set<string>();
    names(membership.fields.members).forEach((name, index) => {
      if (seen.has(name)) ctx.report(membership, ['members', index], `control plane "${name}" is listed twice`);
      seen.add(name);
      if (isControlPlaneGroup(ctx.find('control_plane', name))) {
        ctx.report(membership, ['members', index], `control plane groups cannot be nested: "${name}" is a group`);
      }
    });
  },
  immutable: [],
  ignore: [],
  sets: () => ['members'],
  paths: {
    list: '/control-planes/{parentId}/group-memberships',
    item: '/control-planes/{parentId}/group-memberships',
    pagination: 'cursor',
    pageSize: 100,
  },
  parentFilter: (raw) => isJsonObject(raw.config) && raw.config.cluster_type === 'CLUSTER_TYPE_CONTROL_PLANE_GROUP',
  aggregate: { field: 'members' },
  write: { create: { method: 'POST', path: 'list' }, update: { method: 'PUT', path: 'list' }, delete: 'none' },
  // Adds and removes in chunks of 50, the most Konnect takes per call.
  buildRequests: (_action, { before, after, ctx, listPath }) => {
    const was = new Set(names(before?.members));
    const now = names(after?.members);
    const nowSet = new Set(now);
    const requests: PlannedRequest[] = [];
    const send = (verb: 'add' | 'remove', members: string[]) => {
      for (const part of chunk(members, MEMBERSHIP_CHUNK)) {
        requests.push({
          api: 'control-planes',
          method: 'POST',
          path: `${listPath}/${verb}`,
          body: { members: part.map((name) => ({ id: ctx.id('control_plane', name) })) },
        });
      }
    };
    send('remove', [...was].filter((name) => !nowSet.has(name)).sort());
    send('add', now.filter((name) => !was.has(name)).sort());
    return requests;
  },
  encode: (fields, ctx) => ({ members: names(fields.members).map((name) => ({ id: ctx.id('control_plane', name) })) }),
  decode: (raw, ctx) => ({
    control_plane: ctx.parentKey ?? null,
    members: (Array.isArray(raw.members) ? raw.members : []).filter(isJsonObject).map((member) => String(member.name)),
  }),
};
