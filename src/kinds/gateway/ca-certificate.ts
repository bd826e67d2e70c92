import { contentKey, coreEntity } from '../core-entity.js';

export const caCertificate = coreEntity({
  kind: 'ca_certificate',
  title: 'CA certificate',
  collection: 'ca_certificates',
  file: { key: 'ca_certificates' },
  identity: (fields, id) => contentKey('ca', fields.cert) ?? id,
});
