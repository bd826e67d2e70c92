import type { EmuRequest, EmuResponse, EmulatorContext, Route } from '../types.js';
import type { JsonObject } from '../../model/json.js';
import { bodyOf, bump, clone, finder, iso, type PlatformEnv } from '../env.js';
import { ENUM_OPS, STRING_OPS, listResponse } from '../list.js';
import { GONE, READY, schedule, terminate, transitionKey } from '../lifecycle.js';
import { conflict, invalid, json, noContent, notFound } from '../problem.js';
import { CACHE_TIERS, createAddOnSchema, updateAddOnSchema } from '../schemas/cloud-gateways.js';
import { validateBody } from '../validate.js';
import { GROUP, clusterType } from './control-planes.js';
import { cacheStateMetadata, enabledTiers, tierOf } from './add-on-config.js';
import { inGeo } from '../geos.js';

const API = 'cloud-gateways';
const FILTERS = {
  name: STRING_OPS,
  state: ENUM_OPS,
  'config.kind': ENUM_OPS,
  'owner.control_plane_id': ENUM_OPS,
  'owner.control_plane_geo': ENUM_OPS,
  'owner.control_plane_group_id': ENUM_OPS,
  'owner.control_plane_group_geo': ENUM_OPS,
};

interface Owner {
  id: string;
  geo: string;
  field: string;
  group: boolean;
}

function ownerOf(addOn: JsonObject): Owner {
  const owner = addOn.owner as JsonObject;
  const group = owner.kind === 'control-plane-group';
  return group
    ? { id: String(owner.control_plane_group_id), geo: String(owner.control_plane_group_geo), field: 'owner.control_plane_group_id', group }
    : { id: String(owner.control_plane_id), geo: String(owner.control_plane_geo), field: 'owner.control_plane_id', group };
}

/** The owner's data plane groups, as the add-on reports them. */
function dataPlaneGroups(ctx: EmulatorContext, addOn: JsonObject): JsonObject[] {
  const configuration = ctx.data.configurations[ownerOf(addOn).id];
  const groups = (configuration?.dataplane_groups ?? []) as JsonObject[];
  return groups
    .filter((group) => group.state !== 'terminating')
    .map((group) => ({
      id: group.id ?? null,
      cloud_gateway_network_id: group.cloud_gateway_network_id ?? null,
      provider: group.provider ?? null,
      region: group.region ?? null,
      state: addOn.state ?? null,
      state_metadata: {},
    }));
}

function present(ctx: EmulatorContext, addOn: JsonObject): JsonObject {
  const out = clone(addOn);
  (out.config as JsonObject).data_plane_groups = dataPlaneGroups(ctx, addOn);
  return out;
}

function tierUnavailable(tier: string): EmuResponse {
  const reason = `Cache tier '${tier}' is not available. Available tiers: ${enabledTiers().join(', ')}. Please contact support or sales to select larger sizes.`;
  return invalid(API, 'config.capacity_config.tier', reason);
}

function checkOwner(ctx: EmulatorContext, owner: Owner): EmuResponse | undefined {
  const controlPlane = ctx.data.controlPlanes[owner.id];
  const isGroup = controlPlane !== undefined && clusterType(controlPlane) === GROUP;
  if (!controlPlane || isGroup !== owner.group || !inGeo(ctx, owner.id, owner.geo)) {
    const noun = owner.group ? 'Control plane group' : 'Control plane';
    return notFound(API, `Invalid owner: ${noun} '${owner.id}' not found in geo '${owner.geo}'`);
  }
  const taken = Object.values(ctx.data.addOns).some((addOn) => ownerOf(addOn).id === owner.id);
  if (taken) {
    const noun = owner.group ? 'Control plane group' : 'Control plane';
    const reason = `${noun} '${owner.id}' already has an add-on of kind 'managed-cache.v0'. Only one add-on of a kind is allowed per ${noun.toLowerCase()}.`;
    return invalid(API, owner.field, reason);
  }
  const groups = (ctx.data.configurations[owner.id]?.dataplane_groups ?? []) as JsonObject[];
  const gcp = groups.find((group) => group.provider === 'gcp');
  if (gcp) {
    return invalid(API, 'owner', `Data plane group with ID '${String(gcp.id)}' has unsupported provider 'gcp'. Provider is not supported for managed cache add-ons.`);
  }
  return undefined;
}

function create(ctx: EmulatorContext, request: EmuRequest): EmuResponse {
  const rejected = validateBody(API, createAddOnSchema, request.body);
  if (rejected) return rejected;
  const body = bodyOf(request);
  const tier = tierOf(body);
  if (!enabledTiers().includes(tier)) return tierUnavailable(tier);
  const name = String(body.name);
  if (Object.values(ctx.data.addOns).some((addOn) => addOn.name === name)) return conflict("Add on property 'name' must be unique per org.");
  const failed = checkOwner(ctx, ownerOf(body));
  if (failed) return failed;
  const id = ctx.newId();
  const now = iso(ctx);
  const config = clone(body.config as JsonObject);
  config.data_plane_groups = [];
  config.state_metadata = {};
  const addOn: JsonObject = { id, name, owner: body.owner ?? null, config, entity_version: 1, state: 'initializing', created_at: now, updated_at: now };
  ctx.data.addOns[id] = addOn;
  schedule(ctx, transitionKey('addon', id), READY);
  return json(201, present(ctx, addOn));
}

function update(ctx: EmulatorContext, request: EmuRequest, addOn: JsonObject): EmuResponse {
  const rejected = validateBody(API, updateAddOnSchema, request.body);
  if (rejected) return rejected;
  // Without this a PATCH would overwrite the pending removal and bring the add-on back.
  if (addOn.state === 'terminating') return invalid(API, 'id', 'Add-on is being deleted and cannot be updated.', 'invalid', 'path');
  const body = bodyOf(request);
  const wanted = tierOf(body);
  const current = tierOf(addOn);
  if (!enabledTiers().includes(wanted)) return tierUnavailable(wanted);
  if (wanted === current) return invalid(API, 'config.capacity_config.tier', 'Proposed tier is identical to existing tier.');
  if (CACHE_TIERS.indexOf(wanted) < CACHE_TIERS.indexOf(current)) {
    return invalid(API, 'config.capacity_config.tier', 'Cache tier downgrade is not supported.');
  }
  (addOn.config as JsonObject).capacity_config = clone((body.config as JsonObject).capacity_config as JsonObject);
  addOn.state = 'initializing';
  bump(ctx, addOn);
  schedule(ctx, transitionKey('addon', String(addOn.id)), READY);
  return json(200, present(ctx, addOn));
}

function remove(env: PlatformEnv, addOn: JsonObject): EmuResponse {
  const { ctx } = env;
  const owner = ownerOf(addOn);
  const controlPlanes = owner.group ? [...(ctx.data.memberships[owner.id] ?? [])] : [owner.id];
  const plugins = env.hooks.pluginsUsingAddOn(ctx, controlPlanes, String(addOn.id));
  if (plugins.length > 0) {
    const cacheConfigId = String((addOn.config as JsonObject & { state_metadata: JsonObject }).state_metadata.cache_config_id ?? addOn.id);
    const reason = `Managed cache add-on has ${plugins.length} linked plugin(s) that must be removed before deletion. Cache config ID: '${cacheConfigId}'.`;
    return invalid(API, 'id', reason, 'invalid', 'path');
  }
  terminate(ctx, addOn, transitionKey('addon', String(addOn.id)));
  return noContent;
}

/** Ready: the cache is reachable through vault references; a control-plane owner gets its redis partial. */
function applier(env: PlatformEnv) {
  return (ctx: EmulatorContext, ids: string[], state: string): void => {
    const addOn = ctx.data.addOns[ids[0] ?? ''];
    if (!addOn) return;
    if (state === GONE) {
      delete ctx.data.addOns[String(addOn.id)];
      return;
    }
    if (addOn.state !== 'initializing') return;
    const config = addOn.config as JsonObject;
    const first = Object.keys(config.state_metadata as JsonObject).length === 0;
    if (first) {
      config.state_metadata = cacheStateMetadata(ctx.newId());
      const owner = ownerOf(addOn);
      if (!owner.group && ctx.data.controlPlanes[owner.id]) env.hooks.createManagedCachePartial(ctx, owner.id, String(addOn.id));
    }
    addOn.state = 'ready';
    bump(ctx, addOn);
  };
}

export function addOnRoutes(env: PlatformEnv): Route[] {
  const { ctx } = env;
  env.lifecycles.register('addon', applier(env));
  const withAddOn = finder((params) => ctx.data.addOns[params.addOnId ?? ''], () => notFound(API, 'The requested resource was not found.'));
  return [
    { method: 'POST', pattern: '/cloud-gateways/add-ons', handler: (request) => create(ctx, request) },
    {
      method: 'GET',
      pattern: '/cloud-gateways/add-ons',
      handler: (request) => listResponse(API, Object.values(ctx.data.addOns).map((addOn) => present(ctx, addOn)), request, FILTERS),
    },
    { method: 'GET', pattern: '/cloud-gateways/add-ons/:addOnId', handler: withAddOn((_request, found) => json(200, present(ctx, found))) },
    { method: 'PATCH', pattern: '/cloud-gateways/add-ons/:addOnId', handler: withAddOn((request, found) => update(ctx, request, found)) },
    { method: 'DELETE', pattern: '/cloud-gateways/add-ons/:addOnId', handler: withAddOn((_request, found) => remove(env, found)) },
  ];
}
