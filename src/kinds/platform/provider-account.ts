import type { KindDescriptor } from '../descriptor.js';
import { PAGE, str } from '../values.js';

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
