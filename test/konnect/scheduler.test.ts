import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/konnect/manual-clock.js';
import { KonnectClient } from '../../src/konnect/client.js';
import { ApiError, KonnectConnectionError } from '../../src/konnect/api-error.js';
import { TokenBucket } from '../../src/konnect/token-bucket.js';
import { fakeTransport, gaps, maxInWindow, ok } from './helpers.js';
import type { SchedulerOptions } from '../../src/konnect/policy.js';
import type { Transport } from '../../src/konnect/transport.js';

function client(clock: ManualClock, transport: Transport, options: SchedulerOptions = {}) {
  return new KonnectClient({ token: 'kpat_secret', addr: 'http://127.0.0.1:1', transport, clock, random: () => 0.999, ...options });
}
const get = (c: KonnectClient, path = '/x') => c.request({ api: 'control-planes', method: 'GET', path });

describe('token bucket', () => {
  it('never starts more than burst + window/interval requests in any window', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket(clock, { ratePerMinute: 600, burst: 5 });
    const starts: number[] = [];
    const all = Promise.all(Array.from({ length: 300 }, () => bucket.take().then(() => starts.push(clock.now()))));
    await clock.runUntil(all);
    expect(starts).toHaveLength(300);
    // interval 100 ms: 1 s holds at most 5 + 10, a minute at most 5 + 600.
    expect(maxInWindow(starts, 1000)).toBeLessThanOrEqual(15);
    expect(maxInWindow(starts, 10_000)).toBeLessThanOrEqual(105);
    // and the rate is actually used: 300 requests take about 29.5 s, not much more.
    expect(Math.max(...starts) - Math.min(...starts)).toBeLessThanOrEqual(30_000);
  });
});

describe('scheduler', () => {
  it('holds the rate for every request through the client', async () => {
    const clock = new ManualClock();
    const fake = fakeTransport(clock, () => ok(), 5);
    const c = client(clock, fake.transport, { ratePerMinute: 1200, burst: 4, concurrency: 8 });
    await clock.runUntil(Promise.all(Array.from({ length: 200 }, () => get(c))));
    const times = fake.sent.map((s) => s.at);
    expect(times).toHaveLength(200);
    expect(maxInWindow(times, 1000)).toBeLessThanOrEqual(4 + 20);
    expect(maxInWindow(times, 60_000)).toBeLessThanOrEqual(4 + 1200);
    expect(c.stats().requests).toBe(200);
  });

  it('never runs more than `concurrency` requests at once (100 tasks)', async () => {
    const clock = new ManualClock();
    let i = 0;
    const fake = fakeTransport(clock, () => ok(), 0);
    const varied: Transport = async (request, signal) => {
      await clock.sleep(((i++ * 37) % 200) + 1, signal);
      return fake.transport(request, signal);
    };
    let running = 0;
    let max = 0;
    const tracking: Transport = async (request, signal) => {
      running++;
      max = Math.max(max, running);
      expect(running).toBeLessThanOrEqual(3);
      try {
        return await varied(request, signal);
      } finally {
        running--;
      }
    };
    const c = client(clock, tracking, { concurrency: 3, ratePerMinute: 1_000_000, burst: 1000 });
    await clock.runUntil(Promise.all(Array.from({ length: 100 }, () => get(c))));
    expect(max).toBe(3);
    expect(c.scheduler.stats().maxInFlight).toBe(3);
  });

  it('a transient 429 (the window still has room) delays only its own request, by its short Retry-After', async () => {
    const clock = new ManualClock();
    const transient = { status: 429, headers: { 'ratelimit-limit': '3000', 'ratelimit-remaining': '2900', 'ratelimit-reset': '50', 'retry-after': '1' } };
    const fake = fakeTransport(clock, (request, n) => (n === 0 && request.url.endsWith('/a') ? transient : ok()), 0);
    const c = client(clock, fake.transport, { ratePerMinute: 1_000_000, burst: 100, concurrency: 4 });
    const started = clock.now();
    await clock.runUntil(Promise.all([get(c, '/a'), ...Array.from({ length: 20 }, () => get(c, '/b'))]));
    const others = fake.sent.filter((s) => s.request.url.endsWith('/b')).map((s) => s.at - started);
    // Nobody else waited out the 50 s window reset: they all went at once.
    expect(Math.max(...others)).toBeLessThan(1000);
    const retried = fake.sent.filter((s) => s.request.url.endsWith('/a')).map((s) => s.at - started);
    expect(retried).toHaveLength(2);
    expect(retried[1]! - retried[0]!).toBe(1000);
    expect(c.currentRatePerMinute).toBe(1_000_000);
  });

  it('a transient 429 without Retry-After backs off only its own request, for a short jittered time', async () => {
    const clock = new ManualClock();
    const transient = { status: 429, headers: { 'ratelimit-remaining': '10', 'ratelimit-reset': '55' } };
    const fake = fakeTransport(clock, (request, n) => (n === 0 ? transient : ok()), 0);
    const c = client(clock, fake.transport, { ratePerMinute: 1_000_000, burst: 100 });
    const started = clock.now();
    await clock.runUntil(Promise.all([get(c, '/a'), get(c, '/b')]));
    const gap = fake.sent.filter((s) => s.request.url.endsWith('/a')).map((s) => s.at - started);
    expect(gap[1]! - gap[0]!).toBeLessThanOrEqual(1000);
    expect(fake.sent.find((s) => s.request.url.endsWith('/b'))!.at - started).toBe(0);
  });

  it('an exhausted window (remaining 0) pauses every request until it resets', async () => {
    const clock = new ManualClock();
    const exhausted = { status: 429, headers: { 'ratelimit-limit': '3000', 'ratelimit-remaining': '0', 'ratelimit-reset': '30' } };
    const fake = fakeTransport(clock, (request, n) => (n === 0 ? exhausted : ok()), 5);
    const c = client(clock, fake.transport, { ratePerMinute: 1_000_000, burst: 100, concurrency: 1 });
    const started = clock.now();
    await clock.runUntil(Promise.all([get(c, '/a'), get(c, '/b')]));
    expect(fake.sent.find((s) => s.request.url.endsWith('/b'))!.at - started).toBeGreaterThanOrEqual(30_000);
  });

  it('honours Retry-After in seconds', async () => {
    const clock = new ManualClock();
    const fake = fakeTransport(clock, (_r, n) => (n === 0 ? { status: 429, headers: { 'retry-after': '7', 'ratelimit-reset': '50' } } : ok()), 0);
    const c = client(clock, fake.transport, { ratePerMinute: 1_000_000 });
    const response = await clock.runUntil(get(c));
    expect(response.status).toBe(200);
    expect(gaps(fake.sent.map((s) => s.at))).toEqual([7000]);
    expect(c.stats()).toMatchObject({ requests: 2, retries: 1, throttled: 1 });
  });

  it('honours Retry-After as an HTTP date', async () => {
    const clock = new ManualClock(Date.parse('2026-01-01T00:00:00Z'));
    const fake = fakeTransport(clock, (_r, n) => (n === 0 ? { status: 429, headers: { 'retry-after': 'Thu, 01 Jan 2026 00:00:09 GMT' } } : ok()), 0);
    const c = client(clock, fake.transport, { ratePerMinute: 1_000_000 });
    await clock.runUntil(get(c));
    expect(gaps(fake.sent.map((s) => s.at))).toEqual([9000]);
  });

  it('honours RateLimit-Reset when Retry-After is missing', async () => {
    const clock = new ManualClock();
    const fake = fakeTransport(clock, (_r, n) => (n === 0 ? { status: 429, headers: { 'ratelimit-reset': '12', 'ratelimit-remaining': '0' } } : ok()), 0);
    const c = client(clock, fake.transport, { ratePerMinute: 1_000_000 });
    await clock.runUntil(get(c));
    expect(gaps(fake.sent.map((s) => s.at))).toEqual([12_000]);
  });

  it('falls back to exponential backoff with jitter when both are missing', async () => {
    const clock = new ManualClock();
    const fake = fakeTransport(clock, (_r, n) => (n < 4 ? { status: 429, body: '{"message":"API rate limit exceeded"}' } : ok()), 0);
    const c = client(clock, fake.transport, { ratePerMinute: 1_000_000 });
    await clock.runUntil(get(c));
    // random() = 0.999: just under 500, 1000, 2000, 4000.
    expect(gaps(fake.sent.map((s) => s.at))).toEqual([499, 999, 1998, 3996]);
  });

  it('a 429 pauses every request, not only the throttled one', async () => {
    const clock = new ManualClock();
    const fake = fakeTransport(clock, (_r, n) => (n === 0 ? { status: 429, headers: { 'retry-after': '5' } } : ok()), 10);
    const c = client(clock, fake.transport, { ratePerMinute: 1_000_000, concurrency: 1 });
    const first = clock.now();
    await clock.runUntil(Promise.all([get(c, '/a'), get(c, '/b')]));
    const b = fake.sent.find((s) => s.request.url.endsWith('/b'))!;
    expect(b.at - first).toBeGreaterThanOrEqual(5000);
  });

  it('AIMD: halves the rate on 429, recovers additively, never above the ceiling', async () => {
    const clock = new ManualClock();
    const fake = fakeTransport(clock, (_r, n) => (n === 0 ? { status: 429, headers: { 'retry-after': '1' } } : ok()), 0);
    const c = client(clock, fake.transport, { ratePerMinute: 600 });
    await clock.runUntil(get(c));
    expect(c.currentRatePerMinute).toBe(300);
    const seen: number[] = [];
    for (let round = 0; round < 20; round++) {
      await clock.advance(6000);
      await clock.runUntil(get(c));
      seen.push(c.currentRatePerMinute);
    }
    expect(seen[0]).toBe(360);
    expect(Math.max(...seen)).toBe(600);
    expect(seen.every((rate, i) => i === 0 || rate >= seen[i - 1]!)).toBe(true);
  });

  it('slows down when RateLimit-Remaining runs low, and waits for the reset at zero', async () => {
    const clock = new ManualClock();
    const fake = fakeTransport(clock, (_r, n) =>
      n === 0 ? { status: 200, body: '{}', headers: { 'ratelimit-limit': '100', 'ratelimit-remaining': '5', 'ratelimit-reset': '10' } } : ok(),
    0);
    const c = client(clock, fake.transport, { ratePerMinute: 6000, concurrency: 1 });
    await clock.runUntil(Promise.all(Array.from({ length: 4 }, () => get(c))));
    // 5 left for 10 s: one every 2 s instead of every 10 ms.
    expect(gaps(fake.sent.map((s) => s.at)).slice(1)).toEqual([2000, 2000]);

    const clock2 = new ManualClock();
    const fake2 = fakeTransport(clock2, (_r, n) =>
      n === 0 ? { status: 200, body: '{}', headers: { 'x-ratelimit-remaining-minute': '0', 'ratelimit-reset': '30' } } : ok(),
    0);
    const c2 = client(clock2, fake2.transport, { ratePerMinute: 6000, concurrency: 1 });
    await clock2.runUntil(Promise.all([get(c2), get(c2)]));
    expect(gaps(fake2.sent.map((s) => s.at))[0]).toBeGreaterThanOrEqual(30_000);
  });

  it('bounds attempts per request and retries overall', async () => {
    const clock = new ManualClock();
    const fake = fakeTransport(clock, () => ({ status: 500, body: '{"message":"boom"}' }), 0);
    const c = client(clock, fake.transport, { ratePerMinute: 1_000_000 });
    const error = await clock.runUntil(get(c)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).attempts).toBe(6);
    expect(fake.sent).toHaveLength(6);
    expect((error as ApiError).message).toContain('after 6 attempts');

    const clock2 = new ManualClock();
    const fake2 = fakeTransport(clock2, () => ({ status: 503 }), 0);
    const c2 = client(clock2, fake2.transport, { ratePerMinute: 1_000_000, retry: { retryBudget: 3, retryBudgetRatio: 0 } });
    const results = await clock2.runUntil(Promise.allSettled(Array.from({ length: 10 }, () => get(c2))));
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(c2.stats().retries).toBe(3);
    expect(fake2.sent).toHaveLength(13);
  });

  it('does not retry other 4xx', async () => {
    for (const status of [400, 401, 403, 404, 409, 422]) {
      const clock = new ManualClock();
      const fake = fakeTransport(clock, () => ({ status, body: '{"message":"no"}' }), 0);
      const c = client(clock, fake.transport);
      await expect(clock.runUntil(get(c))).rejects.toMatchObject({ status });
      expect(fake.sent).toHaveLength(1);
    }
  });

  it('retries connection errors and timeouts for GET, then gives up with a typed error', async () => {
    const clock = new ManualClock();
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const fake = fakeTransport(clock, (_r, n) => (n < 2 ? reset : ok()), 0);
    const c = client(clock, fake.transport, { ratePerMinute: 1_000_000 });
    expect((await clock.runUntil(get(c))).status).toBe(200);
    expect(fake.sent).toHaveLength(3);

    const clock2 = new ManualClock();
    const hang: Transport = (_request, signal) => clock2.sleep(10 * 60_000, signal).then(() => ({ status: 200, headers: {}, body: '{}' }));
    const c2 = client(clock2, hang, { timeoutMs: 1000, retry: { maxAttempts: 3 } });
    const error = await clock2.runUntil(get(c2)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KonnectConnectionError);
    expect((error as KonnectConnectionError).code).toBe('timeout');
    expect((error as KonnectConnectionError).attempts).toBe(3);
  });

  it('never blindly re-sends a POST that timed out: recovers, or gives up', async () => {
    const clock = new ManualClock();
    let posts = 0;
    const hang: Transport = (request, signal) => {
      if (request.method === 'POST') posts++;
      return clock.sleep(10 * 60_000, signal).then(() => ({ status: 201, headers: {}, body: '{}' }));
    };
    const c = client(clock, hang, { timeoutMs: 1000 });
    const error = await clock.runUntil(c.request({ api: 'core-entities', method: 'POST', path: '/s', body: { name: 'a' } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KonnectConnectionError);
    expect((error as KonnectConnectionError).maybeApplied).toBe(true);
    expect(posts).toBe(1);

    let recovered = 0;
    const result = await clock.runUntil(
      c.request({
        api: 'core-entities',
        method: 'POST',
        path: '/s',
        body: { name: 'a' },
        recover: async () => {
          recovered++;
          return recovered === 1 ? undefined : { status: 200, body: { id: 'found' }, headers: {} };
        },
      }),
    );
    expect(result.body).toEqual({ id: 'found' });
    expect(posts).toBe(3);
    expect(recovered).toBe(2);
  });

  it('never re-sends a POST answered 502 without recover (it may have been applied); with recover, looks first', async () => {
    const clock = new ManualClock();
    const fake = fakeTransport(clock, (request) => (request.method === 'POST' ? { status: 502, body: '{}' } : ok()));
    const c = client(clock, fake.transport);
    const post = (recover?: () => Promise<undefined | { status: number; body: { id: string }; headers: Record<string, string> }>) =>
      c.request({ api: 'core-entities', method: 'POST', path: '/s', body: { name: 'a' }, ...(recover ? { recover } : {}) });
    const error = await clock.runUntil(post()).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502 });
    expect(fake.sent.filter((s) => s.request.method === 'POST')).toHaveLength(1);

    const result = await clock.runUntil(post(async () => ({ status: 200, body: { id: 'found' }, headers: {} })));
    expect(result.body).toEqual({ id: 'found' });
    expect(fake.sent.filter((s) => s.request.method === 'POST')).toHaveLength(2);
  });

  it('every wait is abortable', async () => {
    const clock = new ManualClock();
    const fake = fakeTransport(clock, () => ({ status: 429, headers: { 'retry-after': '60' } }), 0);
    const c = client(clock, fake.transport);
    const controller = new AbortController();
    const pending = c.request({ api: 'control-planes', method: 'GET', path: '/x', signal: controller.signal }).catch((e: unknown) => e);
    await clock.advance(100);
    expect(clock.pending).toBeGreaterThan(0);
    controller.abort(new Error('stop'));
    const error = await pending;
    expect((error as Error).message).toBe('stop');
    expect(fake.sent).toHaveLength(1);
  });
});

describe('abort while queued', () => {
  it('a request waiting for a concurrency slot rejects at once and is never sent', async () => {
    const clock = new ManualClock();
    const fake = fakeTransport(clock, () => ok(), 1000);
    const c = client(clock, fake.transport, { concurrency: 1, ratePerMinute: 1_000_000 });
    const first = get(c, '/first');
    const controller = new AbortController();
    const queued = c.request({ api: 'control-planes', method: 'GET', path: '/queued', signal: controller.signal }).catch((e: unknown) => e);
    await clock.advance(10);
    controller.abort(new Error('cancelled'));
    expect(((await queued) as Error).message).toBe('cancelled');
    await clock.runUntil(first);
    await clock.advance(5000);
    expect(fake.sent.map((s) => new URL(s.request.url).pathname)).toEqual(['/v2/first']);
  });
});
