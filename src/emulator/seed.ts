import type { EmulatorContext, EmulatorData } from './types.js';
import type { JsonObject } from '../model/json.js';
import { iso } from './env.js';
import { PROVIDERS } from './schemas/common.js';

export function emptyData(): EmulatorData {
  return {
    version: 1,
    providerAccounts: {},
    controlPlanes: {},
    memberships: {},
    networks: {},
    transitGateways: {},
    privateDns: {},
    configurations: {},
    customDomains: {},
    addOns: {},
    core: {},
    transitions: {},
  };
}

const PROVIDER_ACCOUNT_IDS: Record<string, string> = { aws: '123456789012', azure: 'b1f6c9de-6a1e-4d5b-9d0c-2f7a6f1e8c43', gcp: 'konnect-dcgw-prod' };

/** A new org: one provider account per provider. */
export function seedOrg(ctx: EmulatorContext): void {
  const now = iso(ctx);
  for (const provider of PROVIDERS) {
    const id = ctx.newId();
    ctx.data.providerAccounts[id] = { id, provider, provider_account_id: PROVIDER_ACCOUNT_IDS[provider] ?? provider, created_at: now, updated_at: now };
  }
  ctx.touch();
}

const SEEDED_AT = '2024-01-01T00:00:00.000Z';

function quota(id: string, resource: string, name: string, description: string, value: number): JsonObject {
  return { id, resource, name, description, value, created_at: SEEDED_AT, updated_at: SEEDED_AT };
}

/** What a new org is allowed: read-only in this API. */
export const RESOURCE_QUOTAS: JsonObject[] = [
  quota('6f0e1c1a-2b3c-4d5e-8f90-a1b2c3d4e5f1', 'count/provider-accounts.per-provider', 'Provider accounts per provider', 'Maximum provider accounts per cloud provider', 1),
  quota('6f0e1c1a-2b3c-4d5e-8f90-a1b2c3d4e5f2', 'count/networks.not-offline', 'Networks', 'Maximum networks not in the offline state', 10),
  quota('6f0e1c1a-2b3c-4d5e-8f90-a1b2c3d4e5f3', 'count/data-planes-estimate', 'Data planes', 'Maximum estimated data planes', 100),
  quota('6f0e1c1a-2b3c-4d5e-8f90-a1b2c3d4e5f4', 'count/serverless-data-planes-estimate', 'Serverless data planes', 'Maximum estimated serverless data planes', 10),
  quota('6f0e1c1a-2b3c-4d5e-8f90-a1b2c3d4e5f5', 'count/data-plane-groups-estimate', 'Data plane groups', 'Maximum estimated data plane groups', 20),
  quota('6f0e1c1a-2b3c-4d5e-8f90-a1b2c3d4e5f6', 'count/managed-cache-instances', 'Managed cache instances', 'Maximum managed cache add-ons', 10),
  quota('6f0e1c1a-2b3c-4d5e-8f90-a1b2c3d4e5f7', 'max/managed-cache-size', 'Managed cache size', 'Largest managed cache tier (index into the tier list, 6 = 4xlarge)', 6),
];

/** The org's limit for a quota `resource` (`count/networks.not-offline`...). */
export function quotaValue(resource: string): number {
  const quota = RESOURCE_QUOTAS.find((item) => item.resource === resource);
  if (!quota) throw new Error(`emulator: no quota ${resource}`);
  return Number(quota.value);
}

export const DEFAULT_RESOURCE_QUOTAS: JsonObject[] = RESOURCE_QUOTAS.map((item) => ({
  ...item,
  id: String(item.id).replace('6f0e1c1a', '7a1f2d2b'),
  overrides: [],
}));

export const RESOURCE_CONFIGURATIONS: JsonObject[] = [
  { id: '8b2e3f4a-5b6c-4d7e-9f01-b2c3d4e5f6a1', qualifier: 'data-plane-group-idle-timeout-minutes', value: 30 },
];

export const DEFAULT_RESOURCE_CONFIGURATIONS: JsonObject[] = [
  {
    id: '9c3f4a5b-6c7d-4e8f-a012-c3d4e5f6a7b1',
    qualifier: 'data-plane-group-idle-timeout-minutes',
    name: 'Data plane group idle timeout',
    description: 'Minutes a serverless data plane group may stay idle before it is stopped',
    value: 30,
    overrides: [],
    created_at: SEEDED_AT,
    updated_at: SEEDED_AT,
  },
];
