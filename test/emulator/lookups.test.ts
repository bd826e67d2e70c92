import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, items, type Body, type Harness } from './helpers.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.emulator.stop();
});

describe('seeded read-only lookups', () => {
  it('has one provider account per provider, filterable', async () => {
    const all = items(await h.call('GET', '/cloud-gateways/provider-accounts'));
    expect(all.map((account) => account.provider).sort()).toEqual(['aws', 'azure', 'gcp']);
    const azure = items(await h.call('GET', '/cloud-gateways/provider-accounts?filter[provider][eq]=azure'));
    expect(azure).toHaveLength(1);
    const one = await h.call('GET', `/cloud-gateways/provider-accounts/${azure[0]?.id}`);
    expect(Object.keys(one.body).sort()).toEqual(['created_at', 'id', 'provider', 'provider_account_id', 'updated_at']);
    expect((await h.call('GET', '/cloud-gateways/provider-accounts/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('describes providers, regions, zones and CIDR ranges', async () => {
    const doc = (await h.call('GET', '/cloud-gateways/availability.json')).body;
    const regions = (provider: string) => (doc.providers as unknown as Body[]).find((p) => String(p.provider) === provider)?.regions as unknown as Body[];
    expect(regions('aws').map((r) => r.region)).toEqual(['us-east-2', 'us-west-2', 'eu-west-1']);
    expect(regions('azure').map((r) => r.region)).toEqual(['eastus', 'westeurope']);
    expect(regions('gcp').map((r) => r.region)).toEqual(['us-central1']);
    expect(regions('aws')[0]).toMatchObject({
      availability_zones: ['use2-az1', 'use2-az2', 'use2-az3'],
      cidr_blocks: ['10.0.0.0/8', '100.64.0.0/10', '172.16.0.0/12', '192.168.0.0/16', '198.18.0.0/15'],
      reserved_cidr_blocks: ['10.100.0.0/16', '172.17.0.0/16'],
    });
    expect(doc.versions).toContain('3.11');
    expect((doc.instance_types as unknown as Body[]).map((t) => t.name)).toEqual(['small', 'medium', 'large']);
    expect(doc.serverless_v1_providers).toBeDefined();
  });

  it('serves resource quotas, defaults and resource configurations', async () => {
    const quotas = await h.call('GET', '/cloud-gateways/resource-quotas');
    expect(items(quotas).map((q) => q.resource)).toContain('count/networks.not-offline');
    const first = items(quotas)[0];
    expect((await h.call('GET', `/cloud-gateways/resource-quotas/${first?.id}`)).body).toEqual(first);
    expect(items(await h.call('GET', '/cloud-gateways/default-resource-quotas'))[0]?.overrides).toEqual([]);
    const configs = items(await h.call('GET', '/cloud-gateways/resource-configurations'));
    expect(configs[0]).toMatchObject({ qualifier: 'data-plane-group-idle-timeout-minutes' });
    expect(items(await h.call('GET', '/cloud-gateways/default-resource-configurations'))).toHaveLength(1);
    expect((await h.call('POST', '/cloud-gateways/resource-quotas', {})).status).toBe(405);
  });
});
