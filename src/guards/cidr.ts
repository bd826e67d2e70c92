/**
 * IPv4 CIDR arithmetic and Konnect's network CIDR rules (KONNECT-API.md §8, from Kong's
 * cidr-minimum-requirements include of /dedicated-cloud-gateways/production-readiness). Shared by the guard rails
 * and the emulator, which must agree.
 */

export interface CidrBlock {
  /** First address as a 32-bit number (host bits cleared). */
  start: number;
  prefix: number;
  /** False when the address has host bits set (`10.42.1.0/22`). */
  aligned: boolean;
}

/** `a.b.c.d/n`, or undefined when it is not IPv4 CIDR syntax (octets ≤ 255, prefix ≤ 32). */
export function parseCidr(text: string): CidrBlock | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((octet) => octet > 255) || prefix > 32) return undefined;
  const address = octets.reduce((sum, octet) => sum * 256 + octet, 0);
  const size = 2 ** (32 - prefix);
  return { start: address - (address % size), prefix, aligned: address % size === 0 };
}

/** The network address of a block in CIDR form: `10.42.0.0/22`. */
export function formatCidr(block: CidrBlock): string {
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(block.start / 2 ** shift) % 256);
  return `${octets.join('.')}/${block.prefix}`;
}

const end = (block: CidrBlock) => block.start + 2 ** (32 - block.prefix);
export const cidrWithin = (inner: CidrBlock, outer: CidrBlock) => inner.start >= outer.start && end(inner) <= end(outer);
export const cidrOverlaps = (a: CidrBlock, b: CidrBlock) => a.start < end(b) && b.start < end(a);

/** The private ranges a network CIDR must lie in. */
export const SUPPORTED_CIDRS = ['10.0.0.0/8', '100.64.0.0/10', '172.16.0.0/12', '192.168.0.0/16', '198.18.0.0/15'];
/** Ranges Konnect keeps for itself. */
export const RESERVED_CIDRS = ['10.100.0.0/16', '172.17.0.0/16'];

/** Prefix lengths a provider accepts: AWS and GCP /16–/23, Azure /16–/21. */
export function prefixRange(provider: string): { shortest: number; longest: number } {
  return { shortest: 16, longest: provider === 'azure' ? 21 : 23 };
}

/** Longest prefix that fits a number of availability zones: 2 → /23, 3–4 → /22, 5 → /21. */
export function longestPrefixFor(zones: number): number {
  if (zones <= 2) return 23;
  if (zones <= 4) return 22;
  return 21;
}

/** The first of `ranges` (CIDR texts) that `block` overlaps. */
export function firstOverlap(block: CidrBlock, ranges: readonly string[]): string | undefined {
  return ranges.find((text) => {
    const range = parseCidr(text);
    return range !== undefined && cidrOverlaps(block, range);
  });
}

/** Whether `block` lies within one of `ranges` (CIDR texts). */
export function withinAny(block: CidrBlock, ranges: readonly string[]): boolean {
  return ranges.some((text) => {
    const range = parseCidr(text);
    return range !== undefined && cidrWithin(block, range);
  });
}
