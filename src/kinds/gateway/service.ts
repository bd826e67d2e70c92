import { coreEntity } from '../core-entity.js';
import { str } from '../values.js';
import { expandServiceUrl } from './service-url.js';

export const service = coreEntity({
  kind: 'service',
  title: 'service',
  collection: 'services',
  file: { key: 'services', expand: expandServiceUrl },
  identity: (fields, id) => str(fields.name) ?? id,
  overrides: { lookupQuery: (key) => ({ 'filter[name][eq]': key }) },
});
