import type { JsonObject } from '../../model/json.js';
import { CACHE_TIERS } from '../schemas/cloud-gateways.js';
import { RESOURCE_QUOTAS } from '../seed.js';

/** Tiers the org may use: up to the `max/managed-cache-size` quota (a new org: up to 4xlarge). */
export function enabledTiers(): string[] {
  const quota = RESOURCE_QUOTAS.find((item) => item.resource === 'max/managed-cache-size');
  return CACHE_TIERS.slice(0, Number(quota?.value ?? 0) + 1);
}

export function tierOf(holder: JsonObject): string {
  const config = holder.config as JsonObject;
  const capacity = config.capacity_config as JsonObject;
  return String(capacity.tier);
}

const vault = (name: string) => `{vault://env/ADDON_MANAGED_CACHE_${name}}`;

/** Konnect hands the cache's coordinates to data planes as environment vault references. */
export function cacheStateMetadata(cacheConfigId: string): JsonObject {
  return {
    cache_config_id: cacheConfigId,
    cache_server_name: vault('SERVER_NAME'),
    cache_host: vault('HOST'),
    cache_port: vault('PORT'),
    cache_username: vault('USERNAME'),
    cloud_authentication: {
      auth_provider: vault('AUTH_PROVIDER'),
      aws_cache_name: vault('AWS_CACHE_NAME'),
      aws_region: vault('AWS_REGION'),
      aws_assume_role_arn: vault('AWS_ASSUME_ROLE_ARN'),
      azure_tenant_id: vault('AZURE_TENANT_ID'),
    },
  };
}
