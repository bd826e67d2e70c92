import { consumerCredential } from './credential.js';

export const basicAuth = consumerCredential({
  kind: 'basic_auth',
  title: 'basic-auth credential',
  segment: 'basic-auth',
  all: 'basic-auths',
  deck: 'basicauth_credentials',
  name: 'username',
  unique: ['username'],
  // Konnect stores and returns a salted hash, never the password: a changed password is not detected (docs/DESIGN.md).
  writeOnly: ['password'],
  secrets: ['password'],
  // decK's `skip_hash_for_basic_auth`: the password is a hash Konnect stores as sent (go-kong sends `?skip_hash=true`).
  storedAsSent: { field: 'password', as: 'password_hash', query: { skip_hash: 'true' } },
});
