import { coreEntity } from '../core-entity.js';
import { str } from '../values.js';
import { routeMatcherProblem } from '../rules/route-rules.js';

const routeRefs = [{ path: 'service', kind: 'service' as const, lookup: 'services' as const }];
export const route = coreEntity({
  kind: 'route',
  title: 'route',
  collection: 'routes',
  file: { key: 'routes', nested: [{ in: 'service', as: 'routes', ref: 'service' }] },
  identity: (fields, id) => str(fields.name) ?? id,
  refs: routeRefs,
  // An explicit null is absent, as everywhere in the comparison: the route stays a traditional one.
  defaultsKey: (fields) => (fields.expression !== undefined && fields.expression !== null ? 'route:expression' : 'route'),
  overrides: {
    lookupQuery: (key) => ({ 'filter[name][eq]': key }),
    check: (entity, ctx) => {
      const problem = routeMatcherProblem(entity.fields);
      if (problem) ctx.report(entity, [], `route matches nothing: ${problem}`);
    },
  },
});
