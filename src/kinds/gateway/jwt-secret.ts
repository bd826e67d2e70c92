import { consumerCredential } from './credential.js';

export const jwtSecret = consumerCredential({
  kind: 'jwt_secret',
  title: 'JWT credential',
  segment: 'jwt',
  all: 'jwts',
  deck: 'jwt_secrets',
  name: 'key',
  unique: ['key'],
  hashName: true,
  generated: ['secret'],
  defaults: { algorithm: 'HS256' },
});
