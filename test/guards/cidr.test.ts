import { describe, expect, it } from 'vitest';
import { cidrOverlaps, cidrWithin, firstOverlap, formatCidr, longestPrefixFor, parseCidr, prefixRange, withinAny } from '../../src/guards/cidr.js';
import { checkNetworkCidr } from '../../src/emulator/cidr.js';
import { findRegion } from '../../src/emulator/availability.js';

const block = (text: string) => parseCidr(text)!;

describe('shared CIDR rules', () => {
  it('parses syntax, tells misaligned blocks and their network address', () => {
    expect(parseCidr('999.1.0.0/22')).toBeUndefined();
    expect(parseCidr('10.0.0.0/33')).toBeUndefined();
    expect(parseCidr('10.0.0.0')).toBeUndefined();
    expect(formatCidr(block('10.42.1.0/22'))).toBe('10.42.0.0/22');
    expect(block('10.42.1.0/22').aligned).toBe(false);
    expect(block('10.42.0.0/22').aligned).toBe(true);
  });

  it('computes containment and overlap at the block edges', () => {
    expect(cidrWithin(block('10.42.0.0/22'), block('10.0.0.0/8'))).toBe(true);
    expect(cidrOverlaps(block('10.42.0.0/22'), block('10.42.4.0/22'))).toBe(false);
    expect(cidrOverlaps(block('10.42.0.0/22'), block('10.42.3.0/24'))).toBe(true);
    expect(firstOverlap(block('172.17.8.0/22'), ['10.100.0.0/16', '172.17.0.0/16'])).toBe('172.17.0.0/16');
    expect(withinAny(block('11.0.0.0/16'), ['10.0.0.0/8'])).toBe(false);
  });

  it('knows the provider prefix bounds and the size each zone count needs', () => {
    expect(prefixRange('aws')).toEqual({ shortest: 16, longest: 23 });
    expect(prefixRange('gcp')).toEqual({ shortest: 16, longest: 23 });
    expect(prefixRange('azure')).toEqual({ shortest: 16, longest: 21 });
    expect([2, 3, 4, 5].map(longestPrefixFor)).toEqual([23, 22, 22, 21]);
  });

  it('the emulator applies the same rules, and still refuses a misaligned block', () => {
    const region = findRegion('aws', 'us-east-2')!;
    expect(checkNetworkCidr('aws', region, '10.42.1.0/22', 2)).toEqual([
      { field: 'cidr_block', rule: 'is_supported_network_cidr_block', reason: 'cidr_block 10.42.1.0/22 is not a valid IPv4 CIDR block', source: 'body' },
    ]);
    expect(checkNetworkCidr('azure', findRegion('azure', 'eastus')!, '10.42.0.0/22', 2)[0]!.reason).toBe('cidr_block prefix length must be between /16 and /21 for azure');
  });
});
