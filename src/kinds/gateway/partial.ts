import { isJsonObject, type JsonObject } from '../../model/json.js';
import { coreEntity } from '../core-entity.js';
import { partialDefaultsFromSchema } from '../schema-defaults.js';
import { str } from '../values.js';
import { SECRET_CONFIG_FIELDS } from '../secret-config-fields.js';

/** `konnect-managed-<add-on uuid>`. */
const KONNECT_MANAGED_PARTIAL = /^konnect-managed-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const partial = coreEntity({
  kind: 'partial',
  title: 'partial',
  collection: 'partials',
  file: { key: 'partials' },
  identity: (fields, id) => str(fields.name) ?? id,
  immutable: ['type'],
  defaultsKey: (fields) => `partial:${String(fields.type)}`,
  schema: { field: 'type', collection: 'partials', convert: partialDefaultsFromSchema },
  overrides: {
    secrets: SECRET_CONFIG_FIELDS,
    // Only the partial Konnect creates for a control-plane-owned managed cache, named after the add-on. A user's own
    // partial named or tagged `konnect-managed` (the group managed-cache guide has users create one) is theirs.
    serverManaged: (raw) => typeof raw.name === 'string' && KONNECT_MANAGED_PARTIAL.test(raw.name),
    implicitRefsReads: ['add_on', 'control_plane_membership'],
    implicitRefs: (entity, all) => {
      // A partial that reads a managed cache's vault values needs that cache ready: the add-on owned by its control
      // plane, or by a group its control plane belongs to.
      if (!JSON.stringify(entity.fields.config ?? null).includes('ADDON_MANAGED_CACHE')) return [];
      const groups = all
        .filter((e) => e.kind === 'control_plane_membership' && Array.isArray(e.fields.members) && e.fields.members.includes(entity.controlPlane ?? ''))
        .map((e) => e.key);
      return all
        .filter((e) => e.kind === 'add_on' && isJsonObject(e.fields.owner))
        .filter((e) => {
          const owner = e.fields.owner as JsonObject;
          return owner.control_plane === entity.controlPlane || groups.includes(String(owner.control_plane_group));
        })
        .map((e) => ({ kind: 'add_on' as const, key: e.key, needsReady: true }));
    },
  },
});
