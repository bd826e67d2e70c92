import { contentKey, coreEntity } from '../core-entity.js';

export const certificate = coreEntity({
  kind: 'certificate',
  title: 'certificate',
  collection: 'certificates',
  file: { key: 'certificates' },
  identity: (fields, id) => contentKey('cert', fields.cert) ?? id,
  overrides: { secrets: ['key', 'key_alt'] },
});
