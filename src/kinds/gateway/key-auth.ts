import { consumerCredential } from './credential.js';

export const keyAuth = consumerCredential({
  kind: 'key_auth',
  title: 'key-auth credential',
  segment: 'key-auth',
  all: 'key-auths',
  deck: 'keyauth_credentials',
  name: 'key',
  unique: ['key'],
  hashName: true,
  secrets: ['key'],
  // Kong reports the time left, which counts down: comparing it would always drift.
  ignore: ['ttl'],
});
