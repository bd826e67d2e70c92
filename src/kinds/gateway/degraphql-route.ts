import { contentKey, coreEntity } from '../core-entity.js';
import { str } from '../values.js';

/**
 * A DeGraphQL route (decK `custom_entities` of type `degraphql_routes`), written under its service. decK tells them
 * apart by `uri` and `query`; the query can be long, so the key holds a hash of it.
 */
export const degraphqlRoute = coreEntity({
  kind: 'degraphql_route',
  title: 'DeGraphQL route',
  collection: 'degraphql/routes',
  file: { typed: { key: 'custom_entities', type: 'degraphql_routes' } },
  identity: (fields) => {
    const service = str(fields.service);
    const uri = str(fields.uri);
    const query = contentKey('q', fields.query);
    return service && uri && query ? `${service}/${uri}#${query}` : undefined;
  },
  refs: [{ path: 'service', kind: 'service' }],
  parent: { kind: 'service', field: 'service', collection: 'services' },
  overrides: {
    // No tags in Konnect's schema: select tags are not added, and the plan compares no tag set.
    sets: () => [],
    defaults: () => ({ methods: ['GET'] }),
    validateAs: 'degraphql_routes',
  },
});

// One listing per control plane, not one per service.
degraphqlRoute.paths = { ...degraphqlRoute.paths, listAll: '/control-planes/{controlPlaneId}/core-entities/degraphql_routes' };
