import { isJsonObject, type JsonObject } from '../../model/json.js';
import type { CoreHooks, EmulatorContext } from '../types.js';
import { MANAGED_CACHE_ENV, managedCacheAuthentication, managedCacheRef } from '../managed-cache.js';
import { removeEntity, saveEntity } from './engine.js';
import type { Scope } from './spec.js';
import { itemsOf } from './store.js';
import { specOf } from './table.js';

const MANAGED_TAG = 'konnect-managed';

function save(scope: Scope, collection: string, body: JsonObject): string {
  const result = saveEntity(scope, specOf(collection), body);
  if ('error' in result) throw new Error(`emulator: cannot create ${collection}: ${JSON.stringify(result.error.body)}`);
  return String(result.item.id);
}

function placeholderPem(label: string, domain: string): string {
  const content = Buffer.from(`konnect-emulator ${label} for ${domain}`).toString('base64');
  return `-----BEGIN ${label}-----\n${content}\n-----END ${label}-----\n`;
}

/** The managed cache's partial: every connection value is an env-vault reference, even the port. */
function managedPartial(addOnId: string): JsonObject {
  return {
    name: `konnect-managed-${addOnId}`,
    type: 'redis-ee',
    tags: [MANAGED_TAG],
    config: {
      host: managedCacheRef('HOST'),
      port: managedCacheRef('PORT'),
      username: managedCacheRef('USERNAME'),
      server_name: managedCacheRef('SERVER_NAME'),
      ssl: true,
      ssl_verify: true,
      cloud_authentication: managedCacheAuthentication(),
    },
  };
}

function readsManagedCache(value: unknown): boolean {
  return JSON.stringify(value ?? null).includes(MANAGED_CACHE_ENV);
}

export const coreHooks: CoreHooks = {
  createDomainCertificate(ctx, controlPlaneId, domain) {
    const scope = { ctx, controlPlaneId };
    const certificateId = save(scope, 'certificates', { cert: placeholderPem('CERTIFICATE', domain), key: placeholderPem('PRIVATE KEY', domain) });
    const sniId = save(scope, 'snis', { name: domain, certificate: { id: certificateId } });
    return { certificate_id: certificateId, sni_id: sniId };
  },

  deleteDomainCertificate(ctx, controlPlaneId, certificateId, sniId) {
    const scope = { ctx, controlPlaneId };
    if (sniId) removeEntity(scope, 'snis', sniId);
    if (certificateId) removeEntity(scope, 'certificates', certificateId);
  },

  createManagedCachePartial(ctx, controlPlaneId, addOnId) {
    return save({ ctx, controlPlaneId }, 'partials', managedPartial(addOnId));
  },

  pluginsUsingAddOn(ctx: EmulatorContext, controlPlaneIds, addOnId) {
    return controlPlaneIds.flatMap((controlPlaneId) => {
      if (!ctx.data.core[controlPlaneId]) return [];
      const partialIds = itemsOf(ctx, controlPlaneId, 'partials')
        .filter((partial) => partial.name === `konnect-managed-${addOnId}` || readsManagedCache(partial.config))
        .map((partial) => partial.id);
      return itemsOf(ctx, controlPlaneId, 'plugins')
        .filter(
          (plugin) =>
            readsManagedCache(plugin.config) ||
            (Array.isArray(plugin.partials) && plugin.partials.some((link) => isJsonObject(link) && partialIds.includes(link.id ?? null))),
        )
        .map((plugin) => String(plugin.id));
    });
  },

  dropControlPlane(ctx, controlPlaneId) {
    if (!ctx.data.core[controlPlaneId]) return;
    delete ctx.data.core[controlPlaneId];
    ctx.touch();
  },
};
