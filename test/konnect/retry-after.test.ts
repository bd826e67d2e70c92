import { describe, expect, it } from 'vitest';
import { parseRateLimitReset, parseRetryAfter, readRateLimit, throttleDelay } from '../../src/konnect/retry-after.js';
import { backoffDelay } from '../../src/konnect/backoff.js';
import { parseRateLimit } from '../../src/cli/konnect-options.js';
import { baseUrl } from '../../src/konnect/base-urls.js';

const NOW = Date.parse('2026-01-01T00:00:30Z');

describe('rate-limit headers', () => {
  it('Retry-After: seconds, HTTP date, garbage', () => {
    expect(parseRetryAfter('77', NOW)).toBe(77_000);
    expect(parseRetryAfter('1.5', NOW)).toBe(1500);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:40 GMT', NOW)).toBe(10_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
  });

  it('RateLimit-Reset: delta seconds or epoch seconds', () => {
    expect(parseRateLimitReset('48', NOW)).toBe(48_000);
    expect(parseRateLimitReset(String(NOW / 1000 + 5), NOW)).toBe(5000);
    expect(parseRateLimitReset('x', NOW)).toBeUndefined();
  });

  it('the real Konnect 429 (kong-operator#2856): Retry-After wins over RateLimit-Reset', () => {
    const headers = { 'ratelimit-limit': '3000', 'ratelimit-remaining': '0', 'ratelimit-reset': '48', 'retry-after': '77', 'x-ratelimit-limit-minute': '3000', 'x-ratelimit-remaining-minute': '0' };
    expect(throttleDelay(headers, NOW)).toEqual({ ms: 77_000, source: 'retry-after' });
    expect(throttleDelay({ 'ratelimit-reset': '48' }, NOW)).toEqual({ ms: 48_000, source: 'ratelimit-reset' });
    expect(throttleDelay({}, NOW)).toBeUndefined();
    expect(readRateLimit(headers, NOW)).toEqual({ remaining: 0, limit: 3000, resetMs: 48_000 });
    expect(readRateLimit({ 'x-ratelimit-remaining-minute': '3' }, NOW)).toEqual({ remaining: 3, resetMs: 30_000 });
  });

  it('backoff: full jitter under an exponential ceiling, capped', () => {
    expect(backoffDelay(1, 500, 30_000, () => 0.5)).toBe(250);
    expect(backoffDelay(3, 500, 30_000, () => 0.999)).toBe(1998);
    expect(backoffDelay(20, 500, 30_000, () => 0.999)).toBe(29_970);
    expect(backoffDelay(4, 500, 30_000, () => 0)).toBe(0);
  });
});

describe('options', () => {
  it('--rate-limit accepts N, N/min and N/s', () => {
    expect(parseRateLimit('3000')).toBe(3000);
    expect(parseRateLimit('1200/min')).toBe(1200);
    expect(parseRateLimit('50/s')).toBe(3000);
    expect(() => parseRateLimit('fast')).toThrow();
    expect(() => parseRateLimit('0')).toThrow();
  });

  it('base URLs: global cloud-gateways, regional others, one --konnect-addr for all', () => {
    expect(baseUrl('cloud-gateways', 'eu')).toBe('https://global.api.konghq.com/v2');
    expect(baseUrl('control-planes', 'eu')).toBe('https://eu.api.konghq.com/v2');
    expect(baseUrl('core-entities', 'sg')).toBe('https://sg.api.konghq.com/v2');
    expect(baseUrl('cloud-gateways', 'us', 'http://127.0.0.1:8080/')).toBe('http://127.0.0.1:8080/v2');
    expect(baseUrl('core-entities', 'us', 'http://127.0.0.1:8080/v2')).toBe('http://127.0.0.1:8080/v2');
  });
});
