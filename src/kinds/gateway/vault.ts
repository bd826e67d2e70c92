import { coreEntity } from '../core-entity.js';
import { str } from '../values.js';

export const vault = coreEntity({
  kind: 'vault',
  title: 'vault',
  collection: 'vaults',
  file: { key: 'vaults' },
  identity: (fields) => str(fields.prefix),
  defaultsKey: (fields) => (typeof fields.name === 'string' ? `vault:${fields.name}` : 'vault'),
});
