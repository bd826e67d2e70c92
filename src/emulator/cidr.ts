import type { InvalidParameter } from './problem.js';
import type { Region } from './availability.js';
import { firstOverlap, longestPrefixFor, parseCidr, prefixRange, withinAny } from '../guards/cidr.js';

/** The CIDR rules of KONNECT-API.md §8 (shared with the guard rails); empty when the block is acceptable. */
export function checkNetworkCidr(provider: string, region: Region, cidr: string, zones: number): InvalidParameter[] {
  const fail = (reason: string): InvalidParameter[] => [{ field: 'cidr_block', rule: 'is_supported_network_cidr_block', reason, source: 'body' }];
  const block = parseCidr(cidr);
  if (!block || !block.aligned) return fail(`cidr_block ${cidr} is not a valid IPv4 CIDR block`);
  const { shortest, longest } = prefixRange(provider);
  if (block.prefix < shortest || block.prefix > longest) return fail(`cidr_block prefix length must be between /${shortest} and /${longest} for ${provider}`);
  if (!withinAny(block, region.cidr_blocks)) {
    return fail(`cidr_block must be within one of the supported ranges: ${region.cidr_blocks.join(', ')}`);
  }
  const reserved = firstOverlap(block, region.reserved_cidr_blocks);
  if (reserved) return fail(`cidr_block must not overlap the reserved range ${reserved}`);
  const needed = longestPrefixFor(zones);
  if (block.prefix > needed) return fail(`cidr_block must be /${needed} or larger for ${zones} availability zones`);
  return [];
}
