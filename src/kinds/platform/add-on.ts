import { isControlPlaneGroup } from './control-plane.js';
import { deepEqual, isJsonObject, type JsonObject } from '../../model/json.js';
import type { KindDescriptor } from '../descriptor.js';
import { PAGE, str, without } from '../values.js';
import { deriveGroupCachePartials } from './managed-cache-partial.js';

/** Managed-cache tiers, smallest first: a move down the list cannot be made in place. */
export const CACHE_TIERS = ['micro', 'small', 'medium', 'large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge'];
const tierOf = (fields: JsonObject) => {
  const config = isJsonObject(fields.config) ? fields.config : {};
  const capacity = isJsonObject(config.capacity_config) ? config.capacity_config : {};
  return str(capacity.tier);
};

export const addOn: KindDescriptor = {
  kind: 'add_on',
  title: 'add-on',
  api: 'cloud-gateways',
  scope: 'org',
  file: { key: 'cloud_gateways.add_ons' },
  identity: (fields) => str(fields.name),
  refs: [
    { path: 'owner.control_plane', kind: 'control_plane', owner: true },
    { path: 'owner.control_plane_group', kind: 'control_plane', owner: true },
  ],
  derived: { kinds: ['partial'], derive: deriveGroupCachePartials },
  check: (addOn, ctx) => {
    const owner = isJsonObject(addOn.fields.owner) ? addOn.fields.owner : {};
    if (typeof owner.control_plane_group === 'string') {
      const cp = ctx.find('control_plane', owner.control_plane_group);
      if (cp && !isControlPlaneGroup(cp)) ctx.report(addOn, ['owner', 'control_plane_group'], `"${cp.key}" is not a control plane group; use owner.control_plane`);
    }
    if (typeof owner.control_plane === 'string' && isControlPlaneGroup(ctx.find('control_plane', owner.control_plane))) {
      ctx.report(addOn, ['owner', 'control_plane'], `"${owner.control_plane}" is a control plane group; use owner.control_plane_group`);
    }
    // The first declaration with this owner stands; later ones are the problem.
    const first = ctx.all.find((other) => other.kind === addOn.kind && deepEqual(other.fields.owner, addOn.fields.owner));
    const sameOwner = first !== addOn ? first : undefined;
    if (sameOwner) ctx.report(addOn, ['owner'], `add-on "${sameOwner.key}" already has this owner; Konnect allows one managed cache per owner`);
  },
  immutable: ['owner'],
  replaceWhen: (before, after) => {
    const was = CACHE_TIERS.indexOf(tierOf(before) ?? '');
    const now = CACHE_TIERS.indexOf(tierOf(after) ?? '');
    return was >= 0 && now >= 0 && now < was ? `cache tier downgrade ${tierOf(before)} → ${tierOf(after)} is not supported in place` : undefined;
  },
  ignore: ['config.data_plane_groups', 'config.state_metadata'],
  sets: () => [],
  paths: { list: '/cloud-gateways/add-ons', item: '/cloud-gateways/add-ons/{id}', ...PAGE },
  write: {
    create: { method: 'POST', path: 'list' },
    update: { method: 'PATCH', path: 'item', fields: ['config'] },
    delete: { method: 'DELETE', path: 'item' },
  },
  readiness: { statePath: 'state', ready: ['ready'], failed: ['error'] },
  encode: (fields, ctx) => {
    const owner = isJsonObject(fields.owner) ? fields.owner : {};
    const encodedOwner: JsonObject =
      typeof owner.control_plane_group === 'string'
        ? {
            kind: 'control-plane-group',
            control_plane_group_id: ctx.id('control_plane', owner.control_plane_group),
            control_plane_group_geo: ctx.geo,
          }
        : { kind: 'control-plane', control_plane_id: ctx.id('control_plane', String(owner.control_plane)), control_plane_geo: ctx.geo };
    return { name: fields.name ?? null, owner: encodedOwner, config: fields.config ?? {} };
  },
  decode: (raw, ctx) => {
    const owner = isJsonObject(raw.owner) ? raw.owner : {};
    const decodedOwner: JsonObject =
      owner.kind === 'control-plane-group'
        ? { control_plane_group: ctx.key('control_plane', String(owner.control_plane_group_id)) ?? `id:${String(owner.control_plane_group_id)}` }
        : { control_plane: ctx.key('control_plane', String(owner.control_plane_id)) ?? `id:${String(owner.control_plane_id)}` };
    const config = isJsonObject(raw.config) ? without(raw.config, ['data_plane_groups', 'state_metadata']) : {};
    return { name: raw.name ?? null, owner: decodedOwner, config };
  },
};
