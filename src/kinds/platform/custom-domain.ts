import { type JsonObject } from '../../model/json.js';
import type { KindDescriptor } from '../descriptor.js';
import { PAGE, str } from '../values.js';

export const customDomain: KindDescriptor = {
  kind: 'custom_domain',
  title: 'custom domain',
  api: 'cloud-gateways',
  scope: 'org',
  file: { key: 'cloud_gateways.custom_domains' },
  identity: (fields) => str(fields.domain),
  refs: [{ path: 'control_plane', kind: 'control_plane', owner: true }],
  check: (domain, ctx) => {
    const cp = ctx.find('control_plane', String(domain.fields.control_plane));
    if (cp && cp.fields.cloud_gateway !== true) ctx.report(domain, ['control_plane'], `control plane "${cp.key}" is not a cloud gateway (cloud_gateway: true)`);
  },
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
