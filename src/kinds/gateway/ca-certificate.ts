import { contentKey, coreEntity } from '../core-entity.js';

export const caCertificate = coreEntity({
  kind: 'ca_certificate',
  title: 'CA certificate',
  collection: 'ca_certificates',
  file: { key: 'ca_certificates' },
  identity: (fields, id) => contentKey('ca', fields.cert) ?? id,
  // Konnect computes the digest from `cert`: not the user's to write, and never drift.
  ignore: ['cert_digest'],
});
