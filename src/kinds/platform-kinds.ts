import { isJsonObject, type Json, type JsonObject } from '../model/json.js';
import type { KindDescriptor } from './descriptor.js';
import type { PlannedRequest } from '../model/plan.js';

const str = (value: Json | undefined): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const STATE_FIELDS = ['id', 'created_at', 'updated_at', 'entity_version', 'state', 'state_metadata'];

function without(raw: JsonObject, names: string[]): JsonObject {
  const out: JsonObject = {};
  for (const [name, value] of Object.entries(raw)) if (!names.includes(name)) out[name] = value;
  return out;
}

/** Konnect's own `konnect-managed`-style default networks are made by Konnect, not by users. */
const PAGE = { pagination: 'page' as const, pageSize: 100 };

export const providerAccount: KindDescriptor = {
  kind: 'provider_account',
  title: 'provider account',
  api: 'cloud-gateways',
  scope: 'org',
  file: {},
  identity: (fields) => str(fields.provider),
  refs: [],
  immutable: [],
  ignore: [],
  sets: () => [],
  paths: { list: '/cloud-gateways/provider-accounts', item: '/cloud-gateways/provider-accounts/{id}', ...PAGE },
  write: { update: 'replace', delete: 'none' },
  encode: (fields) => fields,
  decode: (raw) => ({ provider: raw.provider ?? null }),
  readOnly: true,
};

const CP_PATCHABLE = ['name', 'description', 'auth_type', 'proxy_urls', 'labels'];
export const controlPlane: KindDescriptor = {
  kind: 'control_plane',
  title: 'control plane',
  api: 'control-planes',
  scope: 'org',
  file: { key: 'control_planes' },
  identity: (fields) => str(fields.name),
  refs: [],
  immutable: ['cluster_type', 'cloud_gateway'],
  ignore: [],
  sets: () => ['proxy_urls'],
  defaults: () => ({ cluster_type: 'CLUSTER_TYPE_CONTROL_PLANE', auth_type: 'pinned_client_certs', cloud_gateway: false }),
  paths: { list: '/control-planes', item: '/control-planes/{id}', ...PAGE },
  lookupQuery: (key) => ({ 'filter[name][eq]': key }),
  write: {
    create: { method: 'POST', path: 'list' },
    update: { method: 'PATCH', path: 'item', fields: CP_PATCHABLE },
    delete: { method: 'DELETE', path: 'item' },
  },
  encode: (fields) => without(fields, ['members']),
  decode: (raw) => {
    const config = isJsonObject(raw.config) ? raw.config : {};
    const fields: JsonObject = { name: raw.name ?? null };
    if (raw.description !== undefined && raw.description !== '') fields.description = raw.description;
    if (isJsonObject(raw.labels) && Object.keys(raw.labels).length > 0) fields.labels = raw.labels;
    for (const name of ['cluster_type', 'auth_type', 'cloud_gateway', 'proxy_urls']) {
      if (config[name] !== undefined && config[name] !== null) fields[name] = config[name] as Json;
    }
    if (Array.isArray(fields.proxy_urls) && fields.proxy_urls.length === 0) delete fields.proxy_urls;
    return fields;
  },
};

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

export const network: KindDescriptor = {
  kind: 'network',
  title: 'cloud gateway network',
  api: 'cloud-gateways',
  scope: 'org',
  file: { key: 'cloud_gateways.networks' },
  identity: (fields) => str(fields.name),
  refs: [{ path: 'provider', kind: 'provider_account' }],
  immutable: ['provider', 'region', 'availability_zones', 'cidr_block'],
  ignore: [],
  sets: () => ['availability_zones'],
  paths: { list: '/cloud-gateways/networks', item: '/cloud-gateways/networks/{id}', ...PAGE },
  // PATCH takes only `name`, which is the natural key: every other change is a replacement.
  write: { create: { method: 'POST', path: 'list' }, update: 'replace', delete: { method: 'DELETE', path: 'item' } },
  readiness: { statePath: 'state', ready: ['ready'], failed: ['terminated'] },
  encode: (fields, ctx) => ({
    name: fields.name ?? null,
    cloud_gateway_provider_account_id: ctx.id('provider_account', String(fields.provider)),
    region: fields.region ?? null,
    availability_zones: fields.availability_zones ?? [],
    cidr_block: fields.cidr_block ?? null,
  }),
  decode: (raw, ctx) => ({
    name: raw.name ?? null,
    provider: ctx.key('provider_account', String(raw.cloud_gateway_provider_account_id)) ?? `id:${String(raw.cloud_gateway_provider_account_id)}`,
    region: raw.region ?? null,
    availability_zones: raw.availability_zones ?? [],
    cidr_block: raw.cidr_block ?? null,
  }),
};

function attachmentKind(fields: JsonObject | undefined, config: string): string | undefined {
  const value = fields?.[config];
  return isJsonObject(value) ? str(value.kind) : undefined;
}
const changed = (a: Json | undefined, b: Json | undefined) => JSON.stringify(a ?? null) !== JSON.stringify(b ?? null);

export const transitGateway: KindDescriptor = {
  kind: 'transit_gateway',
  title: 'transit gateway',
  api: 'cloud-gateways',
  scope: 'org',
  parent: { kind: 'network', field: 'network' },
  file: { nested: [{ in: 'network', as: 'transit_gateways', ref: 'network' }] },
  identity: (fields) => (str(fields.network) && str(fields.name) ? `${fields.network}/${fields.name}` : undefined),
  refs: [{ path: 'network', kind: 'network', needsReady: true }],
  immutable: ['network', 'dns_config'],
  // Only an AWS Transit Gateway's cidr_blocks and a resource endpoint's resource_config can be patched.
  replaceWhen: (before, after) => {
    const kind = attachmentKind(after, 'transit_gateway_attachment_config');
    if (kind !== attachmentKind(before, 'transit_gateway_attachment_config')) return 'attachment kind changed';
    const strip = (fields: JsonObject) => {
      const config = { ...(fields.transit_gateway_attachment_config as JsonObject) };
      if (kind === 'aws-resource-endpoint-attachment') delete config.resource_config;
      return config;
    };
    if (changed(strip(before), strip(after))) return 'transit_gateway_attachment_config cannot change in place';
    if (kind !== 'aws-transit-gateway-attachment' && changed(before.cidr_blocks, after.cidr_blocks)) {
      return `cidr_blocks can change in place only on an aws-transit-gateway-attachment`;
    }
    return undefined;
  },
  ignore: ['transit_gateway_attachment_config.attachment_id', 'transit_gateway_attachment_config.peering_connection_id'],
  sets: () => ['cidr_blocks'],
  // dns_config is required in every transit gateway response: Konnect answers [] when it was not sent.
  defaults: () => ({ dns_config: [] }),
  paths: {
    list: '/cloud-gateways/networks/{parentId}/transit-gateways',
    item: '/cloud-gateways/networks/{parentId}/transit-gateways/{id}',
    ...PAGE,
  },
  write: {
    create: { method: 'POST', path: 'list' },
    update: { method: 'PATCH', path: 'item', fields: ['cidr_blocks', 'transit_gateway_attachment_config'] },
    delete: { method: 'DELETE', path: 'item' },
  },
  // pending-acceptance / pending-user-action wait on the customer's cloud account, not on Konnect.
  readiness: { statePath: 'state', ready: ['ready', 'pending-acceptance', 'pending-user-action'], failed: ['error', 'terminated'] },
  encode: (fields) => without(fields, ['network']),
  decode: (raw, ctx) => ({ ...without(raw, [...STATE_FIELDS]), network: ctx.parentKey ?? null }),
};

export const privateDns: KindDescriptor = {
  kind: 'private_dns',
  title: 'private DNS',
  api: 'cloud-gateways',
  scope: 'org',
  parent: { kind: 'network', field: 'network' },
  file: { nested: [{ in: 'network', as: 'private_dns', ref: 'network' }] },
  identity: (fields) => (str(fields.network) && str(fields.name) ? `${fields.network}/${fields.name}` : undefined),
  refs: [{ path: 'network', kind: 'network', needsReady: true }],
  immutable: ['network'],
  // Only the outbound resolvers' dns_config can be patched.
  replaceWhen: (before, after) => {
    const strip = (fields: JsonObject) => without((fields.private_dns_attachment_config as JsonObject) ?? {}, ['dns_config']);
    const kind = attachmentKind(after, 'private_dns_attachment_config');
    const resolver = kind === 'aws-outbound-resolver' || kind === 'azure-outbound-resolver';
    if (!resolver && changed(before.private_dns_attachment_config, after.private_dns_attachment_config)) {
      return 'private_dns_attachment_config cannot change in place';
    }
    if (resolver && changed(strip(before), strip(after))) return 'private_dns_attachment_config cannot change in place';
    return undefined;
  },
  ignore: [],
  sets: () => [],
  paths: { list: '/cloud-gateways/networks/{parentId}/private-dns', item: '/cloud-gateways/networks/{parentId}/private-dns/{id}', ...PAGE },
  write: {
    create: { method: 'POST', path: 'list' },
    update: { method: 'PATCH', path: 'item', fields: ['private_dns_attachment_config'] },
    delete: { method: 'DELETE', path: 'item' },
  },
  readiness: { statePath: 'state', ready: ['ready', 'pending-association'], failed: ['error', 'terminated'] },
  encode: (fields) => without(fields, ['network']),
  decode: (raw, ctx) => ({ ...without(raw, STATE_FIELDS), network: ctx.parentKey ?? null }),
};

function encodeGroup(group: JsonObject, ctx: Parameters<KindDescriptor['encode']>[1]): JsonObject {
  const { network: networkName, ...rest } = group;
  const body: JsonObject = { ...rest };
  if (typeof networkName === 'string') body.cloud_gateway_network_id = ctx.id('network', networkName);
  return body;
}
const GROUP_SERVER_FIELDS = ['id', 'state', 'state_metadata', 'private_ip_addresses', 'egress_ip_addresses', 'hostnames', 'created_at', 'updated_at'];

/** One per control plane: the data plane groups Konnect runs for it. Written with PUT, which replaces it whole. */
export const configuration: KindDescriptor = {
  kind: 'configuration',
  title: 'cloud gateway configuration',
  api: 'cloud-gateways',
  scope: 'org',
  file: { key: 'cloud_gateways.configurations' },
  identity: (fields) => str(fields.control_plane),
  refs: [
    { path: 'control_plane', kind: 'control_plane' },
    { path: 'dataplane_groups[].network', kind: 'network', needsReady: true },
  ],
  immutable: [],
  // max_rps is deprecated and computed (10 × base_rps).
  ignore: ['dataplane_groups[].autoscale.max_rps'],
  sets: () => ['dataplane_groups', 'dataplane_groups[].environment'],
  defaults: () => ({ kind: 'dedicated.v0', api_access: 'private+public' }),
  paths: { list: '/cloud-gateways/configurations', item: '/cloud-gateways/configurations/{id}', ...PAGE },
  // 409 means "identical to the current configuration": nothing to do.
  write: {
    create: { method: 'PUT', path: 'list', acceptStatuses: [409] },
    update: { method: 'PUT', path: 'list', acceptStatuses: [409] },
    delete: {
      method: 'PUT',
      path: 'list',
      acceptStatuses: [409],
      body: (fields, ctx) => ({
        control_plane_id: ctx.id('control_plane', String(fields.control_plane)),
        control_plane_geo: ctx.geo,
        dataplane_groups: [],
      }),
    },
  },
  readiness: { statePath: 'dataplane_groups[].state', ready: ['ready'], failed: ['terminated'] },
  encode: (fields, ctx) => {
    const { control_plane: cp, dataplane_groups: groups, ...rest } = fields;
    return {
      control_plane_id: ctx.id('control_plane', String(cp)),
      control_plane_geo: ctx.geo,
      ...rest,
      dataplane_groups: (Array.isArray(groups) ? groups : []).filter(isJsonObject).map((group) => encodeGroup(group, ctx)),
    };
  },
  decode: (raw, ctx) => {
    const groups = Array.isArray(raw.dataplane_group_config) ? raw.dataplane_group_config : raw.dataplane_groups;
    const fields: JsonObject = {
      control_plane: ctx.key('control_plane', String(raw.control_plane_id)) ?? `id:${String(raw.control_plane_id)}`,
    };
    for (const name of ['version', 'api_access', 'kind']) if (raw[name] !== undefined && raw[name] !== null) fields[name] = raw[name] as Json;
    fields.dataplane_groups = (Array.isArray(groups) ? groups : []).filter(isJsonObject).map((group) => {
      const out = without(group, [...GROUP_SERVER_FIELDS, 'cloud_gateway_network_id']);
      if (typeof group.cloud_gateway_network_id === 'string') {
        out.network = ctx.key('network', group.cloud_gateway_network_id) ?? `id:${group.cloud_gateway_network_id}`;
      }
      return out;
    });
    return fields;
  },
  exists: (raw) => {
    const groups = Array.isArray(raw.dataplane_group_config) ? raw.dataplane_group_config : raw.dataplane_groups;
    return Array.isArray(groups) && groups.length > 0;
  },
};

export const customDomain: KindDescriptor = {
  kind: 'custom_domain',
  title: 'custom domain',
  api: 'cloud-gateways',
  scope: 'org',
  file: { key: 'cloud_gateways.custom_domains' },
  identity: (fields) => str(fields.domain),
  refs: [{ path: 'control_plane', kind: 'control_plane' }],
  immutable: ['control_plane', 'kind'],
  ignore: [],
  sets: () => [],
  defaults: () => ({ kind: 'dedicated.v0' }),
  paths: { list: '/cloud-gateways/custom-domains', item: '/cloud-gateways/custom-domains/{id}', ...PAGE },
  write: { create: { method: 'POST', path: 'list' }, update: 'replace', delete: { method: 'DELETE', path: 'item' } },
  readiness: { statePath: 'state', ready: ['ready'], failed: ['error', 'terminated'] },
  encode: (fields, ctx) => {
    const { control_plane: cp, ...rest } = fields;
    return { control_plane_id: ctx.id('control_plane', String(cp)), control_plane_geo: ctx.geo, ...rest };
  },
  decode: (raw, ctx) => {
    const fields: JsonObject = {
      control_plane: ctx.key('control_plane', String(raw.control_plane_id)) ?? `id:${String(raw.control_plane_id)}`,
      domain: raw.domain ?? null,
    };
    if (raw.kind !== undefined && raw.kind !== null) fields.kind = raw.kind;
    return fields;
  },
  owns: (raw) => {
    const owned: Array<{ kind: 'certificate' | 'sni'; id: string }> = [];
    if (typeof raw.certificate_id === 'string') owned.push({ kind: 'certificate', id: raw.certificate_id });
    if (typeof raw.sni_id === 'string') owned.push({ kind: 'sni', id: raw.sni_id });
    return owned;
  },
};

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
    { path: 'owner.control_plane', kind: 'control_plane' },
    { path: 'owner.control_plane_group', kind: 'control_plane' },
  ],
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

export const platformKinds = {
  provider_account: providerAccount,
  control_plane: controlPlane,
  control_plane_membership: controlPlaneMembership,
  network,
  transit_gateway: transitGateway,
  private_dns: privateDns,
  configuration,
  custom_domain: customDomain,
  add_on: addOn,
} satisfies Record<string, KindDescriptor>;
