import type { Entity } from '../model/entity.js';
import type { Json } from '../model/json.js';
import type { Availability } from './availability.js';
import {
  firstOverlap, formatCidr, cidrOverlaps, longestPrefixFor, parseCidr, prefixRange, RESERVED_CIDRS, SUPPORTED_CIDRS, withinAny,
  type CidrBlock,
} from './cidr.js';
import type { FindingList } from './finding.js';

const strings = (value: Json | undefined): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** The block of a CIDR text, or a finding at `field` saying why there is none usable. */
function usableBlock(out: FindingList, entity: Entity, field: ReadonlyArray<string | number>, text: string): CidrBlock | undefined {
  const block = parseCidr(text);
  if (!block) {
    out.at(entity, field, 'error', 'network.cidr-syntax', `"${text}" is not an IPv4 CIDR block (a.b.c.d/n, octets 0–255)`);
    return undefined;
  }
  if (!block.aligned) {
    out.at(entity, field, 'error', 'network.cidr-alignment', `"${text}" has host bits set: a /${block.prefix} block starts at ${formatCidr(block)}`, `did you mean ${formatCidr(block)}?`);
    return undefined;
  }
  return block;
}

/** Provider prefix bounds, private ranges, reserved ranges and the size the zone count needs. */
function checkBlock(out: FindingList, network: Entity, block: CidrBlock, region: { cidr_blocks: string[]; reserved_cidr_blocks: string[] } | undefined): void {
  const provider = String(network.fields.provider);
  const text = String(network.fields.cidr_block);
  const { shortest, longest } = prefixRange(provider);
  if (block.prefix < shortest || block.prefix > longest) {
    out.at(network, ['cidr_block'], 'error', 'network.cidr-prefix', `${text}: ${provider} networks take a prefix from /${shortest} to /${longest}`);
  }
  const supported = region?.cidr_blocks.length ? region.cidr_blocks : SUPPORTED_CIDRS;
  if (!withinAny(block, supported)) {
    out.at(network, ['cidr_block'], 'error', 'network.cidr-private-range', `${text} is not within the accepted ranges ${supported.join(', ')}`);
  }
  const reserved = firstOverlap(block, [...RESERVED_CIDRS, ...(region?.reserved_cidr_blocks ?? [])]);
  if (reserved) out.at(network, ['cidr_block'], 'error', 'network.cidr-reserved', `${text} overlaps ${reserved}, which Konnect reserves`);
  const zones = new Set(strings(network.fields.availability_zones)).size;
  const needed = longestPrefixFor(zones);
  if (zones > 0 && block.prefix > needed && block.prefix <= longest) {
    out.at(network, ['cidr_block'], 'error', 'network.cidr-size', `${text} is too small for ${zones} availability zones: use /${needed} or larger`);
  }
}

/** Zones must exist in the region; a region konsync's built-in list lacks is only a warning offline. */
function checkZones(out: FindingList, network: Entity, availability: Availability): { cidr_blocks: string[]; reserved_cidr_blocks: string[] } | undefined {
  const provider = String(network.fields.provider);
  const regionName = String(network.fields.region);
  const region = availability.providers[provider]?.find((candidate) => candidate.region === regionName);
  if (!region) {
    const online = availability.origin === 'konnect';
    const message = online
      ? `region ${regionName} is not available for ${provider} in this organization (availability.json)`
      : `region ${regionName} is not in konsync's built-in ${provider} region list; diff, plan and sync check it against Konnect`;
    out.at(network, ['region'], online ? 'error' : 'warning', 'network.region', message);
    return undefined;
  }
  strings(network.fields.availability_zones).forEach((zone, index) => {
    if (!region.availability_zones.includes(zone)) {
      out.at(network, ['availability_zones', index], 'error', 'network.zone', `availability zone ${zone} is not in ${regionName} (${region.availability_zones.join(', ')})`);
    }
  });
  return region;
}

/**
 * Network CIDR and zone rules (KONNECT-API.md §8, dcgw-docs 000 "CIDR size requirements"), overlaps between declared
 * networks, with their transit gateways' `cidr_blocks`, and (online) with live networks the files do not declare.
 */
export function checkNetworks(entities: readonly Entity[], availability: Availability, out: FindingList, live: readonly Entity[] = []): void {
  const networks = entities.filter((entity) => entity.kind === 'network');
  const blocks = new Map<string, CidrBlock>();
  for (const network of networks) {
    const region = checkZones(out, network, availability);
    if (typeof network.fields.cidr_block !== 'string') continue;
    const block = usableBlock(out, network, ['cidr_block'], network.fields.cidr_block);
    if (!block) continue;
    checkBlock(out, network, block, availability.origin === 'konnect' ? region : undefined);
    for (const [name, other] of blocks) {
      if (cidrOverlaps(block, other)) {
        out.at(network, ['cidr_block'], 'warning', 'network.cidr-overlap', `${network.fields.cidr_block} overlaps network "${name}" (${formatCidr(other)}): the two cannot be routed to one backend`);
      }
    }
    blocks.set(network.key, block);
  }
  for (const liveNetwork of live.filter((entity) => entity.kind === 'network' && !blocks.has(entity.key))) {
    const other = typeof liveNetwork.fields.cidr_block === 'string' ? parseCidr(liveNetwork.fields.cidr_block) : undefined;
    if (!other) continue;
    for (const network of networks) {
      const block = blocks.get(network.key);
      if (block && cidrOverlaps(block, other)) {
        out.at(network, ['cidr_block'], 'warning', 'network.cidr-overlap', `${String(network.fields.cidr_block)} overlaps live network "${liveNetwork.key}" (${formatCidr(other)}): the two cannot be routed to one backend`);
      }
    }
  }
  for (const gateway of entities.filter((entity) => entity.kind === 'transit_gateway')) {
    const own = blocks.get(String(gateway.fields.network));
    strings(gateway.fields.cidr_blocks).forEach((text, index) => {
      const block = usableBlock(out, gateway, ['cidr_blocks', index], text);
      if (block && own && cidrOverlaps(block, own)) {
        out.at(gateway, ['cidr_blocks', index], 'error', 'transit-gateway.cidr-overlap', `${text} overlaps its own network's ${formatCidr(own)}: the provider network must use different addresses`);
      }
    });
  }
}
