import { describe, expect, it } from 'vitest';
import { availabilityFrom } from '../../src/guards/index.js';
import type { Entity } from '../../src/model/entity.js';
import { brief, findingsOf } from './helpers.js';

describe('network guard rails', () => {
  it('reports every CIDR and zone rule at the field, with file:line:column', async () => {
    const findings = await findingsOf(['networks-bad.yaml']);
    expect(findings.every((finding) => finding.file === 'test/guards/fixtures/networks-bad.yaml')).toBe(true);
    expect(findings.map(brief)).toEqual([
      '8:7 error network.cidr-prefix cloud_gateways.networks[0].cidr_block: 10.42.0.0/28: aws networks take a prefix from /16 to /23',
      '13:7 error network.cidr-syntax cloud_gateways.networks[1].cidr_block: "999.1.0.0/22" is not an IPv4 CIDR block (a.b.c.d/n, octets 0–255)',
      '18:7 error network.cidr-alignment cloud_gateways.networks[2].cidr_block: "10.42.1.0/22" has host bits set: a /22 block starts at 10.42.0.0/22',
      '23:7 error network.cidr-prefix cloud_gateways.networks[3].cidr_block: 10.60.0.0/22: azure networks take a prefix from /16 to /21',
      '28:7 error network.cidr-private-range cloud_gateways.networks[4].cidr_block: 8.8.0.0/22 is not within the accepted ranges 10.0.0.0/8, 100.64.0.0/10, 172.16.0.0/12, 192.168.0.0/16, 198.18.0.0/15',
      '33:7 error network.cidr-reserved cloud_gateways.networks[5].cidr_block: 10.100.4.0/22 overlaps 10.100.0.0/16, which Konnect reserves',
      '37:68 error network.zone cloud_gateways.networks[6].availability_zones[4]: availability zone usw2-az5 is not in us-west-2 (usw2-az1, usw2-az2, usw2-az3, usw2-az4)',
      '38:7 error network.cidr-size cloud_gateways.networks[6].cidr_block: 10.70.0.0/22 is too small for 5 availability zones: use /21 or larger',
      '48:7 error network.cidr-size cloud_gateways.networks[8].cidr_block: 10.80.2.0/23 is too small for 3 availability zones: use /22 or larger',
      '48:7 warning network.cidr-overlap cloud_gateways.networks[8].cidr_block: 10.80.2.0/23 overlaps network "first" (10.80.0.0/22): the two cannot be routed to one backend',
      "51:25 error transit-gateway.cidr-overlap cloud_gateways.networks[8].transit_gateways[0].cidr_blocks[0]: 10.80.2.128/25 overlaps its own network's 10.80.2.0/23: the provider network must use different addresses",
      "58:7 warning network.region cloud_gateways.networks[9].region: region ap-south-7 is not in konsync's built-in aws region list; diff, plan and sync check it against Konnect",
    ]);
    expect(findings[2]!.hint).toBe('did you mean 10.42.0.0/22?');
  });

  it('accepts networks that meet every rule (AWS, Azure /21, GCP /23 with two zones, a TGW outside its network)', async () => {
    expect(await findingsOf(['networks-good.yaml'])).toEqual([]);
  });

  describe('online (diff, plan, sync)', () => {
    const availability = availabilityFrom(
      {
        providers: [
          {
            provider: 'aws',
            regions: [{ region: 'us-east-2', availability_zones: ['use2-az1', 'use2-az2', 'use2-az3'], cidr_blocks: ['10.0.0.0/8'], reserved_cidr_blocks: ['10.42.0.0/24'] }],
          },
        ],
      },
      'konnect',
    );

    it("checks Konnect's availability.json ranges and regions, and overlaps with live networks", async () => {
      const live: Entity[] = [{ kind: 'network', key: 'legacy', fields: { name: 'legacy', cidr_block: '192.168.0.0/20' } }];
      const findings = await findingsOf(['networks-good.yaml'], { availability, live: { entities: live } });
      expect(findings.map(brief)).toEqual([
        '7:7 error network.cidr-reserved cloud_gateways.networks[0].cidr_block: 10.42.0.0/22 overlaps 10.42.0.0/24, which Konnect reserves',
        '17:7 error network.region cloud_gateways.networks[1].region: region eastus is not available for azure in this organization (availability.json)',
        '19:7 warning network.cidr-overlap cloud_gateways.networks[1].cidr_block: 192.168.0.0/21 overlaps live network "legacy" (192.168.0.0/20): the two cannot be routed to one backend',
        '22:7 error network.region cloud_gateways.networks[2].region: region us-central1 is not available for gcp in this organization (availability.json)',
      ]);
    });

    it('a live network the files declare is the same network, not an overlap', async () => {
      const live: Entity[] = [{ kind: 'network', key: 'prod-azure', fields: { name: 'prod-azure', cidr_block: '192.168.0.0/21' } }];
      const findings = await findingsOf(['networks-good.yaml'], { live: { entities: live } });
      expect(findings).toEqual([]);
    });
  });
});
