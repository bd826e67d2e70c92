import type { EmuRequest, EmuResponse, EmulatorContext, Route } from '../types.js';
import { canonicalJson, type JsonObject } from '../../model/json.js';
import { bodyOf, clone, iso, type PlatformEnv } from '../env.js';
import { ENUM_OPS, listResponse } from '../list.js';
import { GONE } from '../lifecycle.js';
import { badRequest, conflict, json, notFound, type InvalidParameter } from '../problem.js';
import { createConfigurationSchema } from '../schemas/cloud-gateways.js';
import { validateBody } from '../validate.js';
import { GATEWAY_VERSIONS, findRegion } from '../availability.js';
import { activateNetwork, providerOf } from './networks.js';
import { buildGroups, fillAddresses, groupKey } from './dataplane-groups.js';
import { inGeo } from '../geos.js';

const API = 'cloud-gateways';
const FILTERS = { control_plane_id: ENUM_OPS, control_plane_geo: ENUM_OPS };
const IDENTICAL = 'Proposed cloud gateway configuration and current cloud gateway configuration are identical.';

/** Desired groups as Konnect echoes them: the deprecated `max_rps` filled in as 10 × `base_rps`. */
function normalizeGroup(group: JsonObject): JsonObject {
  const out = clone(group);
  const autoscale = out.autoscale as JsonObject | undefined;
  if (autoscale?.kind === 'autopilot' && autoscale.max_rps === undefined) autoscale.max_rps = Number(autoscale.base_rps) * 10;
  return out;
}

/** What PUT compares: the desired state, groups as a set. */
function desiredOf(manifest: JsonObject): string {
  const groups = ((manifest.dataplane_group_config ?? []) as JsonObject[]).map((group) => canonicalJson(group)).sort();
  return canonicalJson({ version: manifest.version ?? null, api_access: manifest.api_access, kind: manifest.kind, geo: manifest.control_plane_geo, groups });
}

function checkGroups(ctx: EmulatorContext, body: JsonObject): InvalidParameter[] {
  const errors: InvalidParameter[] = [];
  const dedicated = (body.kind ?? 'dedicated.v0') === 'dedicated.v0';
  if (dedicated && body.version === undefined) errors.push({ field: 'version', rule: 'required', reason: 'version is a required field', source: 'body' });
  if (dedicated && typeof body.version === 'string' && !GATEWAY_VERSIONS.includes(body.version)) {
    errors.push({ field: 'version', rule: 'enum', choices: GATEWAY_VERSIONS, reason: `version must be one of the following values: ${GATEWAY_VERSIONS.join(', ')}`, source: 'body' });
  }
  const groups = body.dataplane_groups as JsonObject[];
  groups.forEach((group, index) => {
    const at = `dataplane_groups.${index}`;
    if (!findRegion(String(group.provider), String(group.region))) {
      errors.push({ field: `${at}.region`, rule: 'is_supported_provider_region', reason: `region ${String(group.region)} is not supported for provider ${String(group.provider)}`, source: 'body' });
    }
    if (!dedicated) return;
    for (const field of ['cloud_gateway_network_id', 'autoscale']) {
      if (group[field] === undefined) errors.push({ field: `${at}.${field}`, rule: 'required', reason: `${at}.${field} is a required field`, source: 'body' });
    }
    if (typeof group.cloud_gateway_network_id !== 'string') return;
    const network = ctx.data.networks[group.cloud_gateway_network_id];
    const field = `${at}.cloud_gateway_network_id`;
    if (!network || network.state === 'terminating') {
      errors.push({ field, rule: 'missing_reference', reason: `network ${group.cloud_gateway_network_id} does not exist`, source: 'body' });
    } else if (providerOf(ctx, network) !== group.provider || network.region !== group.region) {
      errors.push({ field, rule: 'invalid', reason: `network ${String(network.id)} is not in ${String(group.provider)} region ${String(group.region)}`, source: 'body' });
    }
  });
  if (new Set(groups.map((group) => groupKey(group))).size !== groups.length) {
    errors.push({ field: 'dataplane_groups', rule: 'invalid', reason: 'dataplane_groups must not contain two groups on the same network', source: 'body' });
  }
  return errors;
}

function put(env: PlatformEnv, request: EmuRequest): EmuResponse {
  const { ctx } = env;
  const rejected = validateBody(API, createConfigurationSchema, request.body);
  if (rejected) return rejected;
  const body = bodyOf(request);
  const controlPlaneId = String(body.control_plane_id);
  const controlPlane = ctx.data.controlPlanes[controlPlaneId];
  // A control plane of another geo is not found in the one named, as in Konnect.
  if (!controlPlane || !inGeo(ctx, controlPlaneId, body.control_plane_geo)) return notFound(API, `Control plane '${controlPlaneId}' not found in geo '${String(body.control_plane_geo)}'`);
  if ((controlPlane.config as JsonObject).cloud_gateway !== true) {
    return badRequest(API, [{ field: 'control_plane_id', rule: 'invalid', reason: 'control plane is not a cloud gateway control plane', source: 'body' }]);
  }
  const errors = checkGroups(ctx, body);
  if (errors.length > 0) return badRequest(API, errors);
  const current = ctx.data.configurations[controlPlaneId];
  const desired: JsonObject = {
    version: body.version ?? null,
    api_access: body.api_access ?? 'private+public',
    kind: body.kind ?? 'dedicated.v0',
    control_plane_geo: body.control_plane_geo ?? 'us',
    dataplane_group_config: (body.dataplane_groups as JsonObject[]).map(normalizeGroup),
  };
  if (current && desiredOf(current) === desiredOf(desired)) return conflict(IDENTICAL);
  const now = iso(ctx);
  const manifest: JsonObject = {
    id: ctx.newId(),
    version: desired.version ?? null,
    api_access: desired.api_access ?? null,
    kind: desired.kind ?? null,
    control_plane_id: controlPlaneId,
    control_plane_geo: desired.control_plane_geo ?? null,
    dataplane_group_config: desired.dataplane_group_config ?? [],
    dataplane_groups: buildGroups(ctx, controlPlaneId, current, desired.dataplane_group_config as JsonObject[]),
    entity_version: typeof current?.entity_version === 'number' ? current.entity_version + 1 : 1,
    created_at: now,
    updated_at: now,
  };
  for (const group of manifest.dataplane_group_config as JsonObject[]) {
    const network = ctx.data.networks[String(group.cloud_gateway_network_id)];
    if (network) activateNetwork(ctx, network);
  }
  const nothingLeft = (manifest.dataplane_group_config as JsonObject[]).length === 0 && (manifest.dataplane_groups as JsonObject[]).length === 0;
  if (nothingLeft) delete ctx.data.configurations[controlPlaneId];
  else ctx.data.configurations[controlPlaneId] = manifest;
  ctx.touch();
  return json(200, clone(manifest));
}

function applyGroup(ctx: EmulatorContext, ids: string[], state: string): void {
  const [controlPlaneId = '', groupId = ''] = ids;
  const manifest = ctx.data.configurations[controlPlaneId];
  if (!manifest) return;
  const groups = manifest.dataplane_groups as JsonObject[];
  const group = groups.find((candidate) => candidate.id === groupId);
  if (!group) return;
  if (state === GONE) {
    manifest.dataplane_groups = groups.filter((candidate) => candidate !== group);
    const empty = (manifest.dataplane_group_config as JsonObject[]).length === 0 && groups.length === 1;
    if (empty) delete ctx.data.configurations[controlPlaneId];
    return;
  }
  if (group.state !== 'initializing') return;
  group.state = 'ready';
  group.state_metadata = { reported_status: 'ready' };
  fillAddresses(group);
  group.updated_at = iso(ctx);
}

export function configurationRoutes(env: PlatformEnv): Route[] {
  const { ctx } = env;
  env.lifecycles.register('dpgroup', applyGroup);
  return [
    { method: 'PUT', pattern: '/cloud-gateways/configurations', handler: (request) => put(env, request) },
    {
      method: 'GET',
      pattern: '/cloud-gateways/configurations',
      handler: (request) => listResponse(API, Object.values(ctx.data.configurations).map(clone), request, FILTERS),
    },
    {
      method: 'GET',
      pattern: '/cloud-gateways/configurations/:configurationId',
      handler: (_request, params) => {
        const found = Object.values(ctx.data.configurations).find((manifest) => manifest.id === params.configurationId);
        return found ? json(200, clone(found)) : notFound(API);
      },
    },
  ];
}

