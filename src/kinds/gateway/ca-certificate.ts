import { contentKey, coreEntity } from '../core-entity.js';

export const caCertificate = coreEntity({
  kind: 'ca_certificate',
  title: 'CA certificate',
  collection: 'ca_certificates',
  file: { key: 'ca_certificates' },
  identity: (fields, id) => contentKey('ca', fields.cert) ?? id,
  // Computed by Konnect on every write (sha256 of the DER certificate); a value in a file (decK dumps write it) is
  // replaced by the server's, so it is never compared.
  ignore: ['cert_digest'],
});
