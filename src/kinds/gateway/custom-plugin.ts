import { coreEntity } from '../core-entity.js';
import { str } from '../values.js';

export const customPlugin = coreEntity({
  kind: 'custom_plugin',
  title: 'custom plugin',
  collection: 'custom-plugins',
  file: { key: 'custom_plugins' },
  identity: (fields) => str(fields.name),
  immutable: ['name'],
});
