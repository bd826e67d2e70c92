import type { InvalidParameter } from './problem.js';
import type { Region } from './availability.js';

interface Block {
  start: number;
  prefix: number;
}

export function parseCidr(text: string): Block | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((octet) => octet > 255) || prefix > 32) return undefined;
  const address = octets.reduce((sum, octet) => sum * 256 + octet, 0);
  const size = 2 ** (32 - prefix);
  if (address % size !== 0) return undefined;
  return { start: address, prefix };
}

const end = (block: Block) => block.start + 2 ** (32 - block.prefix);
const within = (inner: Block, outer: Block) => inner.start >= outer.start && end(inner) <= end(outer);
const overlaps = (a: Block, b: Block) => a.start < end(b) && b.start < end(a);

/** Largest prefix allowed for a number of AZs (production-readiness: 2 → /23, 3–4 → /22, 5 → /21). */
function maxPrefixFor(zones: number): number {
  if (zones <= 2) return 23;
  if (zones <= 4) return 22;
  return 21;
}

/** The CIDR rules of KONNECT-API.md §8; empty when the block is acceptable. */
export function checkNetworkCidr(provider: string, region: Region, cidr: string, zones: number): InvalidParameter[] {
  const fail = (reason: string): InvalidParameter[] => [{ field: 'cidr_block', rule: 'is_supported_network_cidr_block', reason, source: 'body' }];
  const block = parseCidr(cidr);
  if (!block) return fail(`cidr_block ${cidr} is not a valid IPv4 CIDR block`);
  const largest = provider === 'azure' ? 21 : 23;
  if (block.prefix < 16 || block.prefix > largest) return fail(`cidr_block prefix length must be between /16 and /${largest} for ${provider}`);
  const supported = region.cidr_blocks.map((text) => parseCidr(text)).filter((b): b is Block => !!b);
  if (!supported.some((range) => within(block, range))) {
    return fail(`cidr_block must be within one of the supported ranges: ${region.cidr_blocks.join(', ')}`);
  }
  const reserved = region.reserved_cidr_blocks.find((text) => {
    const range = parseCidr(text);
    return range !== undefined && overlaps(block, range);
  });
  if (reserved) return fail(`cidr_block must not overlap the reserved range ${reserved}`);
  const needed = maxPrefixFor(zones);
  if (block.prefix > needed) return fail(`cidr_block must be /${needed} or larger for ${zones} availability zones`);
  return [];
}
