import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

const network = (name: string, region: string, zones: string[], cidr: string) => `cloud_gateways:
  networks:
    - name: ${name}
      provider: aws
      region: ${region}
      availability_zones: [${zones.join(', ')}]
      cidr_block: ${cidr}
`;

describe('guard rails before every plan', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.stop());

  it('an offline guard error stops diff before Konnect is contacted', async () => {
    const file = await h.write('misaligned.yaml', network('prod', 'us-east-2', ['use2-az1', 'use2-az2'], '10.42.1.0/22'));
    // Nothing listens on port 1: reaching Konnect would be a connection error, not this one.
    const result = await h.run(['diff', '-s', file, '--konnect-addr', 'http://127.0.0.1:1'], { KONNECT_TOKEN: 'kpat_not-used' });
    expect(result.code).toBe(1);
    expect(result.err).toContain(`${file}:7:7: cloud_gateways.networks[0].cidr_block: "10.42.1.0/22" has host bits set`);
  });

  it("online, a region missing from the org's availability.json is an error (offline only a warning)", async () => {
    const file = await h.write('region.yaml', network('far', 'ap-south-7', ['aps7-az1', 'aps7-az2'], '10.50.0.0/23'));
    const offline = await h.run(['validate', '-s', file]);
    expect(offline.code).toBe(0);
    expect(offline.err).toContain("warning: " + `${file}:5:7: cloud_gateways.networks[0].region: region ap-south-7 is not in konsync's built-in aws region list`);
    const online = await h.run(['diff', '-s', file, ...h.konnect]);
    expect(online.code).toBe(1);
    expect(online.err).toContain(`${file}:5:7: cloud_gateways.networks[0].region: region ap-south-7 is not available for aws in this organization (availability.json)`);
  });

  it('online, overlap with a live network the files do not declare is a warning; the plan still runs', async () => {
    const accounts = (await h.api('GET', '/cloud-gateways/provider-accounts')) as { data: Array<{ id: string; provider: string }> };
    const aws = accounts.data.find((account) => account.provider === 'aws')!;
    await h.api('POST', '/cloud-gateways/networks', {
      name: 'legacy', cloud_gateway_provider_account_id: aws.id, region: 'us-east-2', availability_zones: ['use2-az1', 'use2-az2'], cidr_block: '10.60.0.0/22',
    });
    const file = await h.write('overlap.yaml', network('fresh', 'us-east-2', ['use2-az1', 'use2-az2'], '10.60.2.0/23'));
    const result = await h.run(['diff', '-s', file, ...h.konnect]);
    expect(result.code, result.err).toBe(2);
    expect(result.err).toContain(`warning: ${file}:7:7: cloud_gateways.networks[0].cidr_block: 10.60.2.0/23 overlaps live network "legacy" (10.60.0.0/22)`);
    const github = await h.run(['diff', '-s', file, ...h.konnect, '--output', 'github']);
    expect(github.code).toBe(2);
    expect(github.out).toContain(`::warning file=${file},line=7,col=7,title=konsync::cloud_gateways.networks[0].cidr_block: 10.60.2.0/23 overlaps live network`);
    const json = await h.run(['diff', '-s', file, ...h.konnect, '--output', 'json']);
    expect(() => JSON.parse(json.out)).not.toThrow();
  });
});
