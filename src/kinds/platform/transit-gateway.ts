import { type JsonObject } from '../../model/json.js';
import type { KindDescriptor } from '../descriptor.js';
import { attachmentKind, changed, PAGE, STATE_FIELDS, str, without } from '../values.js';

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
    // Konnect's PATCH takes one or the other (PatchAwsTransitGateway | PatchAwsResourceEndpointGateway), never both.
    update: {
      method: 'PATCH',
      path: 'item',
      fields: (fields) =>
        attachmentKind(fields, 'transit_gateway_attachment_config') === 'aws-transit-gateway-attachment' ? ['cidr_blocks'] : ['transit_gateway_attachment_config'],
    },
    delete: { method: 'DELETE', path: 'item' },
  },
  // pending-acceptance / pending-user-action wait on the customer's cloud account, not on Konnect.
  readiness: { statePath: 'state', ready: ['ready', 'pending-acceptance', 'pending-user-action'], failed: ['error', 'terminated'] },
  encode: (fields) => without(fields, ['network']),
  decode: (raw, ctx) => ({ ...without(raw, STATE_FIELDS), network: ctx.parentKey ?? null }),
};
