import { afterEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from './helpers.js';
import { RateLimiter } from '../../src/emulator/rate-limit.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.emulator.stop();
  h = undefined;
});

describe('rate limiting', () => {
  it('puts ratelimit headers on successful responses', async () => {
    h = await harness({ rateLimitPerMinute: 5 });
    h.clock.ms = Date.UTC(2026, 0, 1, 12, 0, 15);
    const reply = await h.call('GET', '/control-planes');
    expect(reply.headers.get('ratelimit-limit')).toBe('5');
    expect(reply.headers.get('ratelimit-remaining')).toBe('4');
    expect(reply.headers.get('ratelimit-reset')).toBe('45');
    expect(reply.headers.get('retry-after')).toBeNull();
  });

  it('answers 429 with Konnect’s exact body and headers, counting every request', async () => {
    h = await harness({ rateLimitPerMinute: 3 });
    h.clock.ms = Date.UTC(2026, 0, 1, 12, 0, 12);
    for (let i = 0; i < 3; i++) expect((await h.call('GET', '/control-planes')).status).toBe(200);
    const limited = await h.call('GET', '/control-planes');
    expect(limited.status).toBe(429);
    expect(limited.text).toBe('{"message":"API rate limit exceeded"}');
    expect(limited.headers.get('content-length')).toBe('37');
    expect(Object.fromEntries([...limited.headers].filter(([name]) => name.includes('ratelimit') || name === 'retry-after'))).toEqual({
      'ratelimit-limit': '3',
      'ratelimit-remaining': '0',
      'ratelimit-reset': '48',
      'retry-after': '48',
      'x-ratelimit-limit-minute': '3',
      'x-ratelimit-remaining-minute': '0',
    });
    // A new minute opens a new window.
    h.clock.advance(48_000);
    expect((await h.call('GET', '/control-planes')).status).toBe(200);
  });

  it('limits per token', async () => {
    h = await harness({ rateLimitPerMinute: 1 });
    expect((await h.call('GET', '/control-planes')).status).toBe(200);
    expect((await h.call('GET', '/control-planes')).status).toBe(429);
    expect((await h.call('GET', '/control-planes', undefined, { authorization: 'Bearer kpat_other' })).status).toBe(401);
  });

  it('omits Retry-After when asked', async () => {
    h = await harness({ rateLimitPerMinute: 1, omitRetryAfter: true });
    await h.call('GET', '/control-planes');
    const limited = await h.call('GET', '/control-planes');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeNull();
    expect(limited.headers.get('ratelimit-reset')).not.toBeNull();
  });

  it('announces nothing with rateLimitHeaders: false, on successes and on 429s', async () => {
    h = await harness({ rateLimitPerMinute: 2, rateLimitHeaders: false });
    h.clock.ms = Date.UTC(2026, 0, 1, 12, 0, 20);
    const limitHeaders = (reply: { headers: Headers }) =>
      [...reply.headers.keys()].filter((name) => name.includes('ratelimit') || name === 'retry-after');
    const first = await h.call('GET', '/control-planes');
    expect(first.status).toBe(200);
    expect(limitHeaders(first)).toEqual([]);
    expect((await h.call('GET', '/control-planes')).status).toBe(200);
    const limited = await h.call('GET', '/control-planes');
    expect(limited.status).toBe(429);
    expect(limited.text).toBe('{"message":"API rate limit exceeded"}');
    expect(limitHeaders(limited)).toEqual([]);
    // The limit still holds, and still resets with the minute.
    h.clock.advance(40_000);
    const next = await h.call('GET', '/control-planes');
    expect(next.status).toBe(200);
    expect(limitHeaders(next)).toEqual([]);
    // Injected 429s announce nothing either.
    const silent = new RateLimiter(1, () => 0, false, false);
    expect(silent.transientHeaders('t', true)).toEqual({});
    expect(silent.exhaust('t')).toEqual({ allowed: false, headers: {} });
    expect(silent.hit('t')).toEqual({ allowed: false, headers: {} });
  });

  it('injects transient 429s that report the room left in the window, half with a short Retry-After', () => {
    const limiter = new RateLimiter(10, () => Date.UTC(2026, 0, 1, 0, 0, 30));
    limiter.hit('t');
    expect(limiter.transientHeaders('t', true)).toMatchObject({ 'ratelimit-remaining': '9', 'retry-after': '1' });
    expect(limiter.transientHeaders('t', false)).not.toHaveProperty('retry-after');
    // A transient 429 does not use up the window: the next request is served.
    expect(limiter.hit('t').allowed).toBe(true);
  });

  it('an injected exhaustion refuses every request until the window resets', () => {
    let now = Date.UTC(2026, 0, 1, 0, 0, 30);
    const limiter = new RateLimiter(100, () => now);
    expect(limiter.exhaust('t')).toMatchObject({ allowed: false, headers: { 'ratelimit-remaining': '0', 'retry-after': '30' } });
    expect(limiter.hit('t').allowed).toBe(false);
    now += 30_000;
    expect(limiter.hit('t').allowed).toBe(true);
  });

  it('uses fixed windows aligned to the minute', () => {
    let now = Date.UTC(2026, 0, 1, 0, 0, 59, 500);
    const limiter = new RateLimiter(2, () => now);
    expect(limiter.hit('t').allowed).toBe(true);
    expect(limiter.hit('t').allowed).toBe(true);
    expect(limiter.hit('t')).toMatchObject({ allowed: false, headers: { 'ratelimit-reset': '1', 'retry-after': '1' } });
    now += 500;
    expect(limiter.hit('t')).toMatchObject({ allowed: true, headers: { 'ratelimit-remaining': '1', 'ratelimit-reset': '60' } });
  });
});
