import { coreEntity } from '../core-entity.js';
import { str } from '../values.js';

export const consumerGroup = coreEntity({
  kind: 'consumer_group',
  title: 'consumer group',
  collection: 'consumer_groups',
  file: { key: 'consumer_groups' },
  identity: (fields, id) => str(fields.name) ?? id,
});
