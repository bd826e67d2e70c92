import { coreEntity } from '../core-entity.js';
import { str } from '../values.js';

export const upstream = coreEntity({
  kind: 'upstream',
  title: 'upstream',
  collection: 'upstreams',
  file: { key: 'upstreams' },
  identity: (fields) => str(fields.name),
});
