import { describe, expect, it } from 'vitest';
import { baseUrl } from '../../src/konnect/base-urls.js';

describe('base URLs per geo', () => {
  it('Konnect: the global host for Cloud Gateways, each geo its own host for the regional APIs', () => {
    expect(baseUrl('cloud-gateways', 'eu')).toBe('https://global.api.konghq.com/v2');
    expect(baseUrl('control-planes', 'eu')).toBe('https://eu.api.konghq.com/v2');
    expect(baseUrl('core-entities', 'au')).toBe('https://au.api.konghq.com/v2');
  });

  it('the emulator: /v2 is global and us, /<geo>/v2 another geo', () => {
    expect(baseUrl('cloud-gateways', 'eu', 'http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080/v2');
    expect(baseUrl('control-planes', 'us', 'http://127.0.0.1:8080/')).toBe('http://127.0.0.1:8080/v2');
    expect(baseUrl('control-planes', 'eu', 'http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080/eu/v2');
    expect(baseUrl('core-entities', 'sg', 'http://127.0.0.1:8080/v2')).toBe('http://127.0.0.1:8080/sg/v2');
  });
});
