import { coreEntity } from '../core-entity.js';
import { str } from '../values.js';
import { SECRET_CONFIG_FIELDS } from '../secret-config-fields.js';

export const vault = coreEntity({
  kind: 'vault',
  title: 'vault',
  collection: 'vaults',
  file: { key: 'vaults' },
  identity: (fields) => str(fields.prefix),
  defaultsKey: (fields) => (typeof fields.name === 'string' ? `vault:${fields.name}` : 'vault'),
  overrides: { secrets: SECRET_CONFIG_FIELDS },
});
