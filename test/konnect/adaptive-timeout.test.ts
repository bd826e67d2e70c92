import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/konnect/manual-clock.js';
import { KonnectClient } from '../../src/konnect/client.js';
import { KonnectConnectionError } from '../../src/konnect/api-error.js';
import { AttemptTimeout, normalizeAdaptiveTimeout } from '../../src/konnect/attempt-timeout.js';
import type { SchedulerOptions } from '../../src/konnect/policy.js';
import type { Transport } from '../../src/konnect/transport.js';

/** A transport that answers in `latencyMs` on the fake clock, except paths in `slow` (answered after their ms). */
function transport(clock: ManualClock, latencyMs: number, slow: Record<string, number>, sent: string[]): Transport {
  return async (request, signal) => {
    const path = new URL(request.url).pathname.replace(/^\/v2/, '');
    sent.push(`${request.method} ${path}`);
    await clock.sleep(slow[path] ?? latencyMs, signal);
    return { status: request.method === 'POST' ? 201 : 200, headers: {}, body: '{"data":[]}' };
  };
}

function client(clock: ManualClock, t: Transport, options: SchedulerOptions = {}) {
  return new KonnectClient({ token: 'kpat_t', addr: 'http://127.0.0.1:1', transport: t, clock, random: () => 0.999, ratePerMinute: 1_000_000, ...options });
}

async function warmUp(clock: ManualClock, c: KonnectClient, count = 30): Promise<void> {
  for (let i = 0; i < count; i++) await clock.runUntil(c.request({ api: 'control-planes', method: 'GET', path: '/fast' }));
}

describe('adaptive per-attempt timeout', () => {
  it('before enough answers were seen, a first attempt waits 10 s (not the configured 30 s)', async () => {
    const clock = new ManualClock();
    const sent: string[] = [];
    const c = client(clock, transport(clock, 50, { '/hang': 10 * 60_000 }, sent), { retry: { maxAttempts: 1 } });
    const start = clock.now();
    const error = await clock.runUntil(c.request({ api: 'control-planes', method: 'GET', path: '/hang' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KonnectConnectionError);
    expect(clock.now() - start).toBe(10_000);
  });

  it('after fast answers, a lost answer frees its slot at the floor, not the configured 30 s', async () => {
    const clock = new ManualClock();
    const sent: string[] = [];
    const c = client(clock, transport(clock, 50, { '/hang': 10 * 60_000 }, sent), { retry: { maxAttempts: 1 } });
    await warmUp(clock, c);
    const start = clock.now();
    const error = await clock.runUntil(c.request({ api: 'control-planes', method: 'GET', path: '/hang' })).catch((e: unknown) => e);
    expect((error as KonnectConnectionError).code).toBe('timeout');
    expect((error as Error).message).toContain('no answer within 5000 ms');
    expect(clock.now() - start).toBe(5000);
  });

  it('each retry of the same request waits twice as long, up to the configured timeout', async () => {
    const clock = new ManualClock();
    const sent: string[] = [];
    const starts: number[] = [];
    const timed: Transport = async (request, signal) => {
      starts.push(clock.now());
      return transport(clock, 50, { '/hang': 10 * 60_000 }, sent)(request, signal);
    };
    const c2 = client(clock, timed, { retry: { maxAttempts: 5, baseDelayMs: 1, maxDelayMs: 1 } });
    await warmUp(clock, c2);
    starts.length = 0;
    const error = await clock.runUntil(c2.request({ api: 'control-planes', method: 'GET', path: '/hang' })).catch((e: unknown) => e);
    expect((error as KonnectConnectionError).attempts).toBe(5);
    // Between attempt starts: the attempt's timeout, then a backoff of at most 1 ms.
    const waits = starts.slice(1).map((at, i) => at - starts[i]!);
    [5000, 10_000, 20_000, 30_000].forEach((timeout, i) => expect(waits[i]! - timeout).toBeGreaterThanOrEqual(0));
    [5000, 10_000, 20_000, 30_000].forEach((timeout, i) => expect(waits[i]! - timeout).toBeLessThanOrEqual(1));
  });

  it('a slow but healthy answer (8 s) still gets through, on the second attempt', async () => {
    const clock = new ManualClock();
    const sent: string[] = [];
    const c = client(clock, transport(clock, 50, { '/slow': 8000 }, sent));
    await warmUp(clock, c);
    const response = await clock.runUntil(c.request({ api: 'control-planes', method: 'GET', path: '/slow' }));
    expect(response.status).toBe(200);
    expect(sent.filter((line) => line === 'GET /slow')).toHaveLength(2);
  });

  it('a timed-out POST is looked up before anything is re-sent, and found: sent once', async () => {
    const clock = new ManualClock();
    const sent: string[] = [];
    const c = client(clock, transport(clock, 50, { '/services': 10 * 60_000 }, sent));
    await warmUp(clock, c);
    let lookups = 0;
    const start = clock.now();
    const response = await clock.runUntil(
      c.request({
        api: 'core-entities',
        method: 'POST',
        path: '/services',
        body: { name: 'orders' },
        recover: async () => {
          lookups++;
          return { status: 200, headers: {}, body: { id: 'found' } };
        },
      }),
    );
    expect(response.body).toEqual({ id: 'found' });
    expect(lookups).toBe(1);
    expect(sent.filter((line) => line === 'POST /services')).toHaveLength(1);
    expect(clock.now() - start).toBe(5000);
  });

  it('follows the latency: 10 × its 99th percentile when that is above the floor', () => {
    const timeout = new AttemptTimeout(30_000, normalizeAdaptiveTimeout({ minSamples: 10 }));
    for (let i = 0; i < 100; i++) timeout.observe(i < 98 ? 100 : 1200);
    expect(timeout.forAttempt(1)).toBe(12_000);
    expect(timeout.forAttempt(2)).toBe(24_000);
    expect(timeout.forAttempt(3)).toBe(30_000);
  });

  it('can be turned off; bad settings are refused', () => {
    const off = new AttemptTimeout(30_000, normalizeAdaptiveTimeout({ enabled: false }));
    for (let i = 0; i < 100; i++) off.observe(10);
    expect(off.forAttempt(1)).toBe(30_000);
    expect(() => normalizeAdaptiveTimeout({ floorMs: 0 })).toThrow(/floorMs/);
    expect(() => normalizeAdaptiveTimeout({ percentile: 2 })).toThrow(/percentile/);
  });
});
