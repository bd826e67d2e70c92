import { consumerCredential } from './credential.js';

export const hmacAuth = consumerCredential({
  kind: 'hmac_auth',
  title: 'HMAC-auth credential',
  segment: 'hmac-auth',
  all: 'hmac-auths',
  deck: 'hmacauth_credentials',
  name: 'username',
  unique: ['username'],
  generated: ['secret'],
  secrets: ['secret'],
});
