import { coreEntity } from '../core-entity.js';
import { str } from '../values.js';

export const consumer = coreEntity({
  kind: 'consumer',
  title: 'consumer',
  collection: 'consumers',
  file: { key: 'consumers' },
  identity: (fields, id) => str(fields.username) ?? str(fields.custom_id) ?? id,
  overrides: { unique: ['username', 'custom_id'] },
});
