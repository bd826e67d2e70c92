import type { KindDescriptor } from '../descriptor.js';
import { PAGE, str } from '../values.js';

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
