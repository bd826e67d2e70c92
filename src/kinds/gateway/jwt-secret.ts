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
  // The key is the token's issuer claim, hashed in the entity key like an API key; the secret signs tokens.
  secrets: ['key', 'secret'],
  defaults: { algorithm: 'HS256' },
});
