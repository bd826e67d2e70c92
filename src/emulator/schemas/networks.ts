import { byKind, str, strings, uuid, variant } from './common.js';

/** Request schemas for networks, transit gateways and private DNS, written from cloud-gateways.v2.yaml. */

const name = { type: 'string', minLength: 1, maxLength: 120 };

export const createNetworkSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'cloud_gateway_provider_account_id', 'region', 'availability_zones', 'cidr_block'],
  properties: {
    name,
    cloud_gateway_provider_account_id: uuid,
    region: str,
    availability_zones: { type: 'array', minItems: 1, items: str },
    cidr_block: str,
    state: { type: 'string', enum: ['initializing', 'offline'] },
  },
};

export const patchNetworkSchema = { type: 'object', additionalProperties: false, properties: { name } };

/** An attachment config variant: `fields` are required strings. */
function attachment(kind: string, fields: string[], optional: Record<string, object> = {}) {
  return variant(kind, fields, { ...Object.fromEntries(fields.map((field) => [field, str])), ...optional });
}

const resourceConfig = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['resource_config_id', 'domain_name'],
    properties: { resource_config_id: str, domain_name: str },
  },
};

export const TGW_KINDS_WITH_CIDRS = ['aws-transit-gateway-attachment', 'aws-vpc-peering-attachment'];

// The spec leaves the create bodies open (no additionalProperties: false), unlike their attachment configs.
export const createTransitGatewaySchema = {
  type: 'object',
  required: ['name', 'transit_gateway_attachment_config'],
  properties: {
    name,
    dns_config: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['remote_dns_server_ip_addresses', 'domain_proxy_list'],
        properties: { remote_dns_server_ip_addresses: strings, domain_proxy_list: strings },
      },
    },
    cidr_blocks: strings,
    transit_gateway_attachment_config: byKind(
      attachment('aws-transit-gateway-attachment', ['transit_gateway_id', 'ram_share_arn']),
      attachment('aws-vpc-peering-attachment', ['peer_account_id', 'peer_vpc_id', 'peer_vpc_region']),
      attachment('aws-resource-endpoint-attachment', ['ram_share_arn'], { resource_config: resourceConfig }),
      attachment('azure-vnet-peering-attachment', ['tenant_id', 'subscription_id', 'resource_group_name', 'vnet_name']),
      attachment('azure-vhub-peering-attachment', ['tenant_id', 'subscription_id', 'resource_group_name', 'vhub_name']),
      attachment('gcp-vpc-peering-attachment', ['peer_project_id', 'peer_vpc_name']),
    ),
  },
};

export const patchTransitGatewaySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    cidr_blocks: strings,
    transit_gateway_attachment_config: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'resource_config'],
      properties: { kind: { const: 'aws-resource-endpoint-attachment' }, resource_config: resourceConfig },
    },
  },
};

const dnsConfig = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    required: ['remote_dns_server_ip_addresses'],
    properties: { remote_dns_server_ip_addresses: strings },
  },
};

export const RESOLVER_KINDS = ['aws-outbound-resolver', 'azure-outbound-resolver'];

export const createPrivateDnsSchema = {
  type: 'object',
  required: ['name', 'private_dns_attachment_config'],
  properties: {
    name,
    private_dns_attachment_config: byKind(
      attachment('aws-private-hosted-zone-attachment', ['hosted_zone_id']),
      attachment('aws-outbound-resolver', [], { dns_config: dnsConfig }),
      attachment('gcp-private-hosted-zone-attachment', ['domain_name', 'peer_project_id', 'peer_vpc_name']),
      attachment('azure-private-hosted-zone-attachment', ['domain_name', 'peer_tenant_id', 'peer_subscription_id', 'peer_resource_group_id', 'peer_vnet_link_name']),
      attachment('azure-outbound-resolver', [], { dns_config: dnsConfig }),
    ),
  },
};

export const patchPrivateDnsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    name,
    private_dns_attachment_config: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'dns_config'],
      properties: { kind: { enum: RESOLVER_KINDS }, dns_config: dnsConfig },
    },
  },
};
