import { isJsonObject, type Json, type JsonObject } from '../../model/json.js';
import type { KindDescriptor } from '../descriptor.js';
import { PAGE, str, without } from '../values.js';

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
    { path: 'control_plane', kind: 'control_plane', owner: true },
    { path: 'dataplane_groups[].network', kind: 'network', needsReady: true },
  ],
  check: (configuration, ctx) => {
    const cp = ctx.find('control_plane', String(configuration.fields.control_plane));
    if (cp && cp.fields.cloud_gateway !== true) {
      ctx.report(configuration, ['control_plane'], `control plane "${cp.key}" needs cloud_gateway: true to have a cloud gateway configuration`);
    }
    const placements = new Set<string>();
    const groups = Array.isArray(configuration.fields.dataplane_groups) ? configuration.fields.dataplane_groups : [];
    groups.forEach((group, index) => {
      if (!isJsonObject(group)) return;
      const placement = `${String(group.provider)}/${String(group.region)}`;
      if (placements.has(placement)) ctx.report(configuration, ['dataplane_groups', index], `two data plane groups in ${placement}`);
      placements.add(placement);
      const network = typeof group.network === 'string' ? ctx.find('network', group.network) : undefined;
      if (network && (network.fields.provider !== group.provider || network.fields.region !== group.region)) {
        const where = `${String(network.fields.provider)}/${String(network.fields.region)}`;
        ctx.report(configuration, ['dataplane_groups', index, 'network'], `network "${network.key}" is in ${where}, not ${placement}`);
      }
      const seen = new Set<string>();
      (Array.isArray(group.environment) ? group.environment : []).forEach((variable, i) => {
        if (!isJsonObject(variable) || typeof variable.name !== 'string') return;
        if (seen.has(variable.name)) {
          ctx.report(configuration, ['dataplane_groups', index, 'environment', i, 'name'], `environment variable ${variable.name} is set twice`);
        }
        seen.add(variable.name);
      });
    });
  },
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
      // Dedicated configurations require a version even with no groups: the live one is kept.
      body: (fields, ctx) => ({
        control_plane_id: ctx.id('control_plane', String(fields.control_plane)),
        control_plane_geo: ctx.geo,
        ...(typeof fields.version === 'string' ? { version: fields.version } : {}),
        ...(typeof fields.kind === 'string' ? { kind: fields.kind } : {}),
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
