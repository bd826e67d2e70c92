import { isJsonObject, type Json, type JsonObject } from '../../model/json.js';
import type { KindDescriptor } from '../descriptor.js';
import { PAGE, str, without } from '../values.js';

const CP_PATCHABLE = ['name', 'description', 'auth_type', 'proxy_urls', 'labels'];
export const controlPlane: KindDescriptor = {
  kind: 'control_plane',
  title: 'control plane',
  api: 'control-planes',
  scope: 'org',
  file: { key: 'control_planes' },
  labels: 'labels',
  geoField: 'geo',
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

export const CONTROL_PLANE_GROUP = 'CLUSTER_TYPE_CONTROL_PLANE_GROUP';

/** A control plane declared as a group (its gateway configuration is read-only; it has members). */
export function isControlPlaneGroup(entity: { fields: JsonObject } | undefined): boolean {
  return entity?.fields.cluster_type === CONTROL_PLANE_GROUP;
}
