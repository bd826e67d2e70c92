import { coreEntity } from '../core-entity.js';
import { str } from '../values.js';

/**
 * A GraphQL rate-limiting cost decoration (decK `custom_entities` of type `graphql_ratelimiting_cost_decorations`).
 * Konnect's API writes them only under a service, so one without a service is refused.
 */
export const graphqlCostDecoration = coreEntity({
  kind: 'graphql_cost_decoration',
  title: 'GraphQL cost decoration',
  collection: 'graphql-rate-limiting-advanced/costs',
  file: { typed: { key: 'custom_entities', type: 'graphql_ratelimiting_cost_decorations' } },
  identity: (fields) => {
    const service = str(fields.service);
    const typePath = str(fields.type_path);
    // Without a service it is still named, so that `check` can say why it is refused.
    return typePath && service ? `${service}/${typePath}` : typePath;
  },
  refs: [{ path: 'service', kind: 'service' }],
  parent: { kind: 'service', field: 'service', collection: 'services' },
  overrides: {
    // No tags in Konnect's schema: select tags are not added, and the plan compares no tag set.
    sets: () => [],
    defaults: () => ({ add_arguments: [], add_constant: 1, mul_arguments: [], mul_constant: 1 }),
    // Kong's entity name for the validate endpoint is not documented for these: not validated online.
    validateAs: undefined,
    check: (entity, ctx) => {
      if (entity.fields.service === undefined || entity.fields.service === null) {
        ctx.report(entity, [], "Konnect's API creates GraphQL cost decorations only under a service: set fields.service");
      }
    },
  },
});

// One listing per control plane, not one per service.
graphqlCostDecoration.paths = { ...graphqlCostDecoration.paths, listAll: '/control-planes/{controlPlaneId}/core-entities/graphql-rate-limiting-advanced/costs' };
