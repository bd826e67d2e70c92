import { coreEntity } from '../core-entity.js';
import { str } from '../values.js';

export const keySet = coreEntity({
  kind: 'key_set',
  title: 'key set',
  collection: 'key-sets',
  file: { key: 'key_sets' },
  identity: (fields, id) => str(fields.name) ?? id,
});
