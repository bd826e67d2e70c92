import type { EmuRequest, EmuResponse, EmulatorContext, Route } from '../types.js';
import type { JsonObject } from '../../model/json.js';
import { bodyOf, bump, clone, finder, iso, type PlatformEnv } from '../env.js';
import { ENUM_OPS, STRING_OPS, listResponse } from '../list.js';
import { GONE, READY, schedule, terminate, transitionKey } from '../lifecycle.js';
import { badRequest, conflict, json, noContent, notFound, problem, type InvalidParameter } from '../problem.js';
import { createNetworkSchema, patchNetworkSchema } from '../schemas/networks.js';
import { validateBody } from '../validate.js';
import { findRegion } from '../availability.js';
import { checkNetworkCidr } from '../cidr.js';
import { quotaValue } from '../seed.js';

const API = 'cloud-gateways';
const FILTERS = { name: STRING_OPS, state: ENUM_OPS };

/** Ids of the networks a configuration's desired groups use. */
function referencedNetworks(configuration: JsonObject): string[] {
  const groups = (configuration.dataplane_group_config ?? []) as JsonObject[];
  return groups.map((group) => group.cloud_gateway_network_id).filter((id): id is string => typeof id === 'string');
}

function referencingConfigurations(ctx: EmulatorContext, networkId: string): JsonObject[] {
  return Object.values(ctx.data.configurations).filter((configuration) => referencedNetworks(configuration).includes(networkId));
}

export function providerOf(ctx: EmulatorContext, network: JsonObject): string | undefined {
  const account = ctx.data.providerAccounts[String(network.cloud_gateway_provider_account_id)];
  return typeof account?.provider === 'string' ? account.provider : undefined;
}

/** The network as returned: counts are computed on read. */
function presentNetwork(ctx: EmulatorContext, network: JsonObject): JsonObject {
  const out = clone(network);
  out.transit_gateway_count = Object.keys(ctx.data.transitGateways[String(network.id)] ?? {}).length;
  out.configuration_reference_count = referencingConfigurations(ctx, String(network.id)).length;
  return out;
}

function checkPlacement(ctx: EmulatorContext, body: JsonObject): InvalidParameter[] {
  const account = ctx.data.providerAccounts[String(body.cloud_gateway_provider_account_id)];
  if (!account) {
    return [{ field: 'cloud_gateway_provider_account_id', rule: 'missing_reference', reason: 'provider account does not exist', source: 'body' }];
  }
  const provider = String(account.provider);
  const region = findRegion(provider, String(body.region));
  if (!region) {
    return [{ field: 'region', rule: 'is_supported_provider_region', reason: `region ${String(body.region)} is not supported for provider ${provider}`, source: 'body' }];
  }
  const zones = body.availability_zones as string[];
  const unknown = zones.filter((zone) => !region.availability_zones.includes(zone));
  if (unknown.length > 0 || new Set(zones).size !== zones.length) {
    const reason = unknown.length > 0 ? `availability zones ${unknown.join(', ')} are not supported in region ${region.region}` : 'availability zones must be unique';
    return [{ field: 'availability_zones', rule: 'is_supported_network_availability_zone_list', reason, source: 'body' }];
  }
  return checkNetworkCidr(provider, region, String(body.cidr_block), zones.length);
}

function nameTaken(ctx: EmulatorContext, name: string, except?: string): boolean {
  return Object.values(ctx.data.networks).some((network) => network.name === name && network.id !== except);
}

const duplicateName = (name: string) => conflict(`Network with name '${name}' already exists.`);

function networkQuota(ctx: EmulatorContext): EmuResponse | undefined {
  const max = quotaValue('count/networks.not-offline');
  const active = Object.values(ctx.data.networks).filter((network) => network.state !== 'offline').length;
  if (active < max) return undefined;
  return problem(403, 'Quota Exceeded', `Maximum number of Networks exceeded. Max allowed: ${max}.`);
}

function create(ctx: EmulatorContext, request: EmuRequest): EmuResponse {
  const rejected = validateBody(API, createNetworkSchema, request.body);
  if (rejected) return rejected;
  const body = bodyOf(request);
  const errors = checkPlacement(ctx, body);
  if (errors.length > 0) return badRequest(API, errors);
  if (nameTaken(ctx, String(body.name))) return duplicateName(String(body.name));
  const offline = body.state === 'offline';
  if (!offline) {
    const overQuota = networkQuota(ctx);
    if (overQuota) return overQuota;
  }
  const id = ctx.newId();
  const now = iso(ctx);
  const network: JsonObject = {
    id,
    name: body.name ?? null,
    default: false,
    cloud_gateway_provider_account_id: body.cloud_gateway_provider_account_id ?? null,
    region: body.region ?? null,
    availability_zones: body.availability_zones ?? [],
    cidr_block: body.cidr_block ?? null,
    state: offline ? 'offline' : 'initializing',
    state_metadata: {},
    provider_metadata: {},
    entity_version: 1,
    created_at: now,
    updated_at: now,
  };
  ctx.data.networks[id] = network;
  if (!offline) schedule(ctx, transitionKey('network', id), READY);
  ctx.touch();
  return json(201, presentNetwork(ctx, network));
}

/** A configuration PUT that references an offline network starts provisioning it. */
export function activateNetwork(ctx: EmulatorContext, network: JsonObject): void {
  if (network.state !== 'offline') return;
  network.state = 'initializing';
  bump(ctx, network);
  schedule(ctx, transitionKey('network', String(network.id)), READY);
}

function update(ctx: EmulatorContext, request: EmuRequest, network: JsonObject): EmuResponse {
  const rejected = validateBody(API, patchNetworkSchema, request.body);
  if (rejected) return rejected;
  const body = bodyOf(request);
  if (typeof body.name === 'string') {
    if (nameTaken(ctx, body.name, String(network.id))) return duplicateName(body.name);
    network.name = body.name;
  }
  bump(ctx, network);
  return json(200, presentNetwork(ctx, network));
}

function remove(ctx: EmulatorContext, network: JsonObject): EmuResponse {
  const references = referencingConfigurations(ctx, String(network.id));
  if (references.length > 0) {
    return badRequest(API, [
      {
        field: 'id',
        rule: 'invalid',
        reason: `Network is referenced by ${references.length} configuration(s) and cannot be deleted.`,
        source: 'path',
      },
    ]);
  }
  terminate(ctx, network, transitionKey('network', String(network.id)));
  return noContent;
}

function applyNetwork(ctx: EmulatorContext, ids: string[], state: string): void {
  const id = ids[0] ?? '';
  const network = ctx.data.networks[id];
  if (!network) return;
  if (state === GONE) {
    delete ctx.data.networks[id];
    delete ctx.data.transitGateways[id];
    delete ctx.data.privateDns[id];
    return;
  }
  if (network.state !== 'initializing') return;
  network.state = 'ready';
  network.provider_metadata = {
    vpc_id: `vpc-${id.replace(/-/g, '').slice(0, 17)}`,
    subnet_ids: (network.availability_zones as string[]).map((_zone, index) => `subnet-${id.replace(/-/g, '').slice(index, index + 17)}`),
  };
  bump(ctx, network);
}

export function networkRoutes(env: PlatformEnv): Route[] {
  const { ctx } = env;
  env.lifecycles.register('network', applyNetwork);
  const withNetwork = finder((params) => ctx.data.networks[params.networkId ?? ''], () => notFound(API));
  return [
    { method: 'POST', pattern: '/cloud-gateways/networks', handler: (request) => create(ctx, request) },
    {
      method: 'GET',
      pattern: '/cloud-gateways/networks',
      handler: (request) => listResponse(API, Object.values(ctx.data.networks).map((network) => presentNetwork(ctx, network)), request, FILTERS),
    },
    { method: 'GET', pattern: '/cloud-gateways/networks/:networkId', handler: withNetwork((_request, network) => json(200, presentNetwork(ctx, network))) },
    { method: 'PATCH', pattern: '/cloud-gateways/networks/:networkId', handler: withNetwork((request, network) => update(ctx, request, network)) },
    { method: 'DELETE', pattern: '/cloud-gateways/networks/:networkId', handler: withNetwork((_request, network) => remove(ctx, network)) },
    {
      method: 'GET',
      pattern: '/cloud-gateways/networks/:networkId/configuration-references',
      handler: withNetwork((request, network) => listResponse(API, referencingConfigurations(ctx, String(network.id)).map(clone), request, {})),
    },
  ];
}

