import type { JsonObject } from '../model/json.js';

/** Konnect hands a managed cache's coordinates to data planes as env-vault references: `ADDON_MANAGED_CACHE_*`. */
export const MANAGED_CACHE_ENV = 'ADDON_MANAGED_CACHE';

/** `{vault://env/ADDON_MANAGED_CACHE_<name>}`. */
export function managedCacheRef(name: string): string {
  return `{vault://env/${MANAGED_CACHE_ENV}_${name}}`;
}

/** The `cloud_authentication` record, in the add-on's `state_metadata` and in the partial Konnect creates alike. */
export function managedCacheAuthentication(): JsonObject {
  return {
    auth_provider: managedCacheRef('AUTH_PROVIDER'),
    aws_cache_name: managedCacheRef('AWS_CACHE_NAME'),
    aws_region: managedCacheRef('AWS_REGION'),
    aws_assume_role_arn: managedCacheRef('AWS_ASSUME_ROLE_ARN'),
    azure_tenant_id: managedCacheRef('AZURE_TENANT_ID'),
  };
}
