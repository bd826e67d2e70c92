// Entities of the degraphql and graphql-rate-limiting-advanced plugins: written only under a service, read at the top
// level too. Bodies from the spec's `*WithoutParents` schemas, which have no tags.
import { withDefaults } from './defaults.js';
import { entity, foreign, type Schema } from './schemas/common.js';
import type { CollectionSpec } from './spec.js';

const text: Schema = { type: 'string', minLength: 1 };
const strings: Schema = { type: ['array', 'null'], items: { type: 'string' } };

const degraphqlRoute = entity(
  { service: foreign, uri: text, query: text, methods: { type: ['array', 'null'], items: { type: 'string', pattern: '^[A-Z]+$' } } },
  ['uri', 'query'],
);
const costDecoration = entity(
  { service: foreign, type_path: text, add_arguments: strings, add_constant: { type: ['number', 'null'] }, mul_arguments: strings, mul_constant: { type: ['number', 'null'] } },
  ['type_path'],
);

export const GRAPHQL_COLLECTIONS: CollectionSpec[] = [
  {
    collection: 'degraphql_routes',
    schema: () => degraphqlRoute,
    unique: [],
    filters: {},
    fill: (body) => withDefaults({ methods: ['GET'] }, body),
    topLevel: 'read',
  },
  {
    collection: 'graphql-rate-limiting-advanced/costs',
    schema: () => costDecoration,
    unique: [],
    filters: {},
    fill: (body) => withDefaults({ add_arguments: [], add_constant: 1, mul_arguments: [], mul_constant: 1 }, body),
    topLevel: 'read',
    createdAtOnly: true,
  },
];
