import type { EmuResponse } from '../types.js';
import type { JsonObject } from '../../model/json.js';
import { clone } from '../env.js';
import { badRequest, invalid } from '../problem.js';
import {
  RESOLVER_KINDS,
  TGW_KINDS_WITH_CIDRS,
  createPrivateDnsSchema,
  createTransitGatewaySchema,
  patchPrivateDnsSchema,
  patchTransitGatewaySchema,
} from '../schemas/networks.js';

const API = 'cloud-gateways';

/** What differs between transit gateways and private DNS. */
export interface ChildKind {
  resource: 'tgw' | 'pdns';
  path: string;
  title: string;
  configField: string;
  createSchema: object;
  patchSchema: object;
  checkCreate(body: JsonObject): EmuResponse | undefined;
  initial(body: JsonObject, id: string): JsonObject;
  /** Applies a PATCH in place, or says why Konnect refuses it. */
  applyPatch(item: JsonObject, body: JsonObject): EmuResponse | undefined;
  onReady?(item: JsonObject): void;
}

const hex = (id: string, length: number) => id.replace(/-/g, '').slice(0, length);
const configOf = (item: JsonObject, field: string) => item[field] as JsonObject;

function withResourceState(resourceConfig: unknown, state: string): JsonObject[] {
  return (Array.isArray(resourceConfig) ? (resourceConfig as JsonObject[]) : []).map((entry) => ({ ...entry, state }));
}

const transitGateway: ChildKind = {
  resource: 'tgw',
  path: 'transit-gateways',
  title: 'Transit gateway',
  configField: 'transit_gateway_attachment_config',
  createSchema: createTransitGatewaySchema,
  patchSchema: patchTransitGatewaySchema,
  checkCreate(body) {
    const kind = String((body.transit_gateway_attachment_config as JsonObject).kind);
    if (TGW_KINDS_WITH_CIDRS.includes(kind) && body.cidr_blocks === undefined) {
      return badRequest(API, [{ field: 'cidr_blocks', rule: 'required', reason: 'cidr_blocks is a required field', source: 'body' }]);
    }
    return undefined;
  },
  // Konnect fills attachment_id / peering_connection_id; resource configs carry their own state.
  initial(body, id) {
    const config = clone(body.transit_gateway_attachment_config as JsonObject);
    if (config.kind === 'aws-transit-gateway-attachment') config.attachment_id = `tgw-attach-${hex(id, 17)}`;
    if (config.kind === 'aws-vpc-peering-attachment') config.peering_connection_id = `pcx-${hex(id, 17)}`;
    if (config.kind === 'aws-resource-endpoint-attachment') config.resource_config = withResourceState(config.resource_config, 'initializing');
    const out: JsonObject = { name: body.name ?? null, dns_config: body.dns_config ?? [], transit_gateway_attachment_config: config };
    if (body.cidr_blocks !== undefined) out.cidr_blocks = body.cidr_blocks;
    return out;
  },
  applyPatch(item, body) {
    const config = configOf(item, 'transit_gateway_attachment_config');
    if (body.cidr_blocks !== undefined && config.kind !== 'aws-transit-gateway-attachment') {
      return invalid(API, 'cidr_blocks', `cidr_blocks can only be updated on an aws-transit-gateway-attachment, not ${String(config.kind)}`);
    }
    const patch = body.transit_gateway_attachment_config as JsonObject | undefined;
    if (patch && config.kind !== 'aws-resource-endpoint-attachment') {
      return invalid(API, 'transit_gateway_attachment_config', `transit_gateway_attachment_config cannot be updated on ${String(config.kind)}`);
    }
    if (body.cidr_blocks !== undefined) item.cidr_blocks = body.cidr_blocks;
    if (patch) config.resource_config = withResourceState(patch.resource_config, 'initializing');
    return undefined;
  },
  onReady(item) {
    const config = configOf(item, 'transit_gateway_attachment_config');
    if (config.kind === 'aws-resource-endpoint-attachment') config.resource_config = withResourceState(config.resource_config, 'ready');
  },
};

const privateDns: ChildKind = {
  resource: 'pdns',
  path: 'private-dns',
  title: 'Private DNS',
  configField: 'private_dns_attachment_config',
  createSchema: createPrivateDnsSchema,
  patchSchema: patchPrivateDnsSchema,
  checkCreate(body) {
    const config = body.private_dns_attachment_config as JsonObject;
    if (RESOLVER_KINDS.includes(String(config.kind)) && config.dns_config === undefined) {
      return badRequest(API, [
        { field: 'private_dns_attachment_config.dns_config', rule: 'required', reason: 'private_dns_attachment_config.dns_config is a required field', source: 'body' },
      ]);
    }
    return undefined;
  },
  initial(body) {
    return { name: body.name ?? null, private_dns_attachment_config: clone(body.private_dns_attachment_config as JsonObject) };
  },
  applyPatch(item, body) {
    const patch = body.private_dns_attachment_config as JsonObject | undefined;
    if (!patch) return undefined;
    const config = configOf(item, 'private_dns_attachment_config');
    if (!RESOLVER_KINDS.includes(String(config.kind)) || patch.kind !== config.kind) {
      return invalid(API, 'private_dns_attachment_config', `private_dns_attachment_config cannot be updated on ${String(config.kind)}`);
    }
    config.dns_config = patch.dns_config ?? {};
    return undefined;
  },
};

export function attachmentRules(): ChildKind[] {
  return [transitGateway, privateDns];
}
