import { consumerCredential } from './credential.js';

export const mtlsAuth = consumerCredential({
  kind: 'mtls_auth',
  title: 'mTLS-auth credential',
  segment: 'mtls-auth',
  all: 'mtls-auths',
  deck: 'mtls_auth_credentials',
  name: 'subject_name',
  // decK writes `ca_certificate: {id}`: the id of a CA certificate the file pins, or its konsync key.
  refs: [{ path: 'ca_certificate', kind: 'ca_certificate' }],
});
