import { isJsonObject, type JsonObject } from '../../model/json.js';
import type { DeclaredEntity } from '../descriptor.js';

/** The name Kong's docs give the redis partial that reads a group-owned managed cache. */
export const MANAGED_CACHE_PARTIAL = 'konnect-managed';

const ref = (name: string) => `{vault://env/ADDON_MANAGED_CACHE_${name}}`;

/**
 * The redis-ee partial exactly as "Configure an AWS managed cache for a Dedicated Cloud Gateway control plane group"
 * (dcgw-docs 001) has users create it on every member: the data planes resolve the `ADDON_MANAGED_CACHE_*` env vault
 * references to the cache Konnect provisioned for the group.
 */
export function managedCachePartialFields(): JsonObject {
  return {
    name: MANAGED_CACHE_PARTIAL,
    type: 'redis-ee',
    config: {
      cloud_authentication: {
        auth_provider: ref('AUTH_PROVIDER'),
        aws_cache_name: ref('AWS_CACHE_NAME'),
        aws_region: ref('AWS_REGION'),
        aws_is_serverless: false,
        aws_assume_role_arn: ref('AWS_ASSUME_ROLE_ARN'),
      },
      connect_timeout: 2000,
      connection_is_proxied: false,
      database: 0,
      host: ref('HOST'),
      keepalive_backlog: 512,
      keepalive_pool_size: 256,
      port: ref('PORT'),
      read_timeout: 5000,
      send_timeout: 2000,
      server_name: ref('SERVER_NAME'),
      ssl_verify: true,
      ssl: true,
      username: ref('USERNAME'),
    },
  };
}

/** Providers of a group's declared data plane groups; `undefined` when the files declare no configuration for it. */
function groupProviders(group: string, all: readonly DeclaredEntity[]): string[] | undefined {
  const configuration = all.find((e) => e.kind === 'configuration' && e.fields.control_plane === group);
  if (!configuration) return undefined;
  const groups = Array.isArray(configuration.fields.dataplane_groups) ? configuration.fields.dataplane_groups : [];
  return groups.filter(isJsonObject).map((g) => String(g.provider));
}

/**
 * A managed cache owned by a control plane group: Konnect makes no partial for it (it does for a control plane owner),
 * so each member gets the documented one. The documented config is AWS's: a group whose declared data planes are
 * all elsewhere gets none (declare it by hand).
 */
export function deriveGroupCachePartials(addOn: DeclaredEntity, all: readonly DeclaredEntity[]): DeclaredEntity[] {
  const owner = isJsonObject(addOn.fields.owner) ? addOn.fields.owner : {};
  const config = isJsonObject(addOn.fields.config) ? addOn.fields.config : {};
  const group = owner.control_plane_group;
  if (typeof group !== 'string' || config.kind !== 'managed-cache.v0') return [];
  const providers = groupProviders(group, all);
  if (providers !== undefined && providers.length > 0 && !providers.includes('aws')) return [];
  const membership = all.find((e) => e.kind === 'control_plane_membership' && e.fields.control_plane === group);
  const members = Array.isArray(membership?.fields.members) ? membership.fields.members : [];
  return members
    .filter((member): member is string => typeof member === 'string')
    .map((member) => ({ kind: 'partial' as const, controlPlane: member, fields: managedCachePartialFields() }));
}
