import type { Route } from '../types.js';
import type { JsonObject } from '../../model/json.js';
import { clone, type PlatformEnv } from '../env.js';
import { listResponse, STRING_OPS } from '../list.js';
import { json, notFound } from '../problem.js';
import { availabilityDocument } from '../availability.js';
import { DEFAULT_RESOURCE_CONFIGURATIONS, DEFAULT_RESOURCE_QUOTAS, RESOURCE_CONFIGURATIONS, RESOURCE_QUOTAS } from '../seed.js';

const API = 'cloud-gateways';

function readOnly(path: string, items: () => JsonObject[], idParam: string, withItem = true): Route[] {
  const routes: Route[] = [{ method: 'GET', pattern: path, handler: (request) => listResponse(API, items(), request, {}) }];
  if (withItem) {
    routes.push({
      method: 'GET',
      pattern: `${path}/:${idParam}`,
      handler: (_request, params) => {
        const found = items().find((item) => item.id === params[idParam]);
        return found ? json(200, clone(found)) : notFound(API);
      },
    });
  }
  return routes;
}

/** Provider accounts, availability, quotas and resource configurations: seeded, read-only. */
export function lookupRoutes(env: PlatformEnv): Route[] {
  const { ctx } = env;
  return [
    { method: 'GET', pattern: '/cloud-gateways/availability.json', handler: () => json(200, availabilityDocument()) },
    {
      method: 'GET',
      pattern: '/cloud-gateways/provider-accounts',
      handler: (request) => listResponse(API, Object.values(ctx.data.providerAccounts), request, { provider: STRING_OPS }),
    },
    {
      method: 'GET',
      pattern: '/cloud-gateways/provider-accounts/:providerAccountId',
      handler: (_request, params) => {
        const found = ctx.data.providerAccounts[params.providerAccountId ?? ''];
        return found ? json(200, clone(found)) : notFound(API);
      },
    },
    ...readOnly('/cloud-gateways/resource-quotas', () => RESOURCE_QUOTAS, 'resourceQuotaId'),
    ...readOnly('/cloud-gateways/default-resource-quotas', () => DEFAULT_RESOURCE_QUOTAS, 'defaultResourceQuotaId', false),
    ...readOnly('/cloud-gateways/resource-configurations', () => RESOURCE_CONFIGURATIONS, 'resourceConfigurationId'),
    ...readOnly('/cloud-gateways/default-resource-configurations', () => DEFAULT_RESOURCE_CONFIGURATIONS, 'defaultResourceConfigurationId', false),
  ];
}
