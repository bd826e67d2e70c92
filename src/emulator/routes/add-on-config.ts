import type { JsonObject } from '../../model/json.js';
import { CACHE_TIERS } from '../schemas/cloud-gateways.js';
import { quotaValue } from '../seed.js';
import { managedCacheAuthentication, managedCacheRef } from '../managed-cache.js';

/** Tiers the org may use: up to the `max/managed-cache-size` quota (a new org: up to 4xlarge). */
export function enabledTiers(): string[] {
  return CACHE_TIERS.slice(0, quotaValue('max/managed-cache-size') + 1);
}

export function tierOf(holder: JsonObject): string {
  const config = holder.config as JsonObject;
  const capacity = config.capacity_config as JsonObject;
  return String(capacity.tier);
}

/** Konnect hands the cache's coordinates to data planes as environment vault references. */
export function cacheStateMetadata(cacheConfigId: string): JsonObject {
  return {
    cache_config_id: cacheConfigId,
    cache_server_name: managedCacheRef('SERVER_NAME'),
    cache_host: managedCacheRef('HOST'),
    cache_port: managedCacheRef('PORT'),
    cache_username: managedCacheRef('USERNAME'),
    cloud_authentication: managedCacheAuthentication(),
  };
}
