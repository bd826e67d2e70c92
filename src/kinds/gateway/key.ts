import { coreEntity } from '../core-entity.js';
import { str } from '../values.js';

/**
 * A JWK or PEM key. Named keys are identified by name (unique in Kong); an unnamed one by its `kid`, which Kong holds
 * unique within its key set.
 */
export const key = coreEntity({
  kind: 'key',
  title: 'key',
  collection: 'keys',
  file: { key: 'keys' },
  identity: (fields, id) => {
    const name = str(fields.name);
    if (name) return name;
    const kid = str(fields.kid);
    if (!kid) return id;
    const set = str(fields.set);
    return set ? `kid:${set}/${kid}` : `kid:${kid}`;
  },
  refs: [{ path: 'set', kind: 'key_set' }],
  // A JWK may hold the private key (`d`, `p`, `q`...): masked whole, like a PEM private key.
  overrides: { secrets: ['pem.private_key', 'jwk'] },
});
