import { type JsonObject } from '../../model/json.js';
import type { KindDescriptor } from '../descriptor.js';
import { attachmentKind, changed, PAGE, STATE_FIELDS, str, without } from '../values.js';

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
