import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/konnect/manual-clock.js';
import { KonnectClient } from '../../src/konnect/client.js';
import type { SchedulerOptions } from '../../src/konnect/policy.js';
import type { Transport } from '../../src/konnect/transport.js';
import { ApiError } from '../../src/konnect/api-error.js';
import { fakeTransport } from './helpers.js';

const BODY = '{"message":"API rate limit exceeded"}';
const MINUTE = 60_000;

interface Arrival {
  at: number;
  done: number;
  status: number;
}

/** A server limiting to `limit` per fixed clock minute and announcing nothing: a 429 is the bare body. */
function silentServer(clock: ManualClock, limit: number, latencyMs = 50, headers: Record<string, string> = {}) {
  const arrivals: Arrival[] = [];
  const windows = new Map<number, number>();
  const transport: Transport = async (_request, signal) => {
    const at = clock.now();
    const window = Math.floor(at / MINUTE);
    const count = (windows.get(window) ?? 0) + 1;
    windows.set(window, count);
    const arrival: Arrival = { at, done: at + latencyMs, status: count <= limit ? 200 : 429 };
    arrivals.push(arrival);
    await clock.sleep(latencyMs, signal);
    return arrival.status === 200 ? { status: 200, headers: { ...headers }, body: '{}' } : { status: 429, headers: { ...headers }, body: BODY };
  };
  /** Served requests in each clock minute that the run covered entirely. */
  const fullWindows = (): number[] => {
    const first = Math.floor(arrivals[0]!.at / MINUTE) + 1;
    const last = Math.floor(arrivals[arrivals.length - 1]!.at / MINUTE) - 1;
    const served: number[] = [];
    for (let w = first; w <= last; w++) served.push(arrivals.filter((a) => a.status === 200 && Math.floor(a.at / MINUTE) === w).length);
    return served;
  };
  return { transport, arrivals, fullWindows };
}

function client(clock: ManualClock, transport: Transport, options: SchedulerOptions = {}) {
  let seed = 42;
  // A seeded jitter source: deterministic, but not degenerate.
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  return new KonnectClient({ token: 'kpat_secret', addr: 'http://127.0.0.1:1', transport, clock, random, ...options });
}

async function drive(limit: number, requests: number, options: SchedulerOptions, start = 1_700_000_000_000) {
  const clock = new ManualClock(start);
  const server = silentServer(clock, limit);
  const c = client(clock, server.transport, options);
  const all = Array.from({ length: requests }, (_, i) => c.request({ api: 'control-planes', method: 'GET', path: `/x/${i}` }));
  const results = await clock.runUntil(Promise.allSettled(all), 2_000_000);
  const throttled = server.arrivals.filter((a) => a.status === 429);
  return { clock, c, server, results, throttled, share: throttled.length / server.arrivals.length, windows: server.fullWindows() };
}

describe('a limit the server does not announce', () => {
  it('over 8 simulated minutes: < 1 % 429s and ≥ 0.85 of the limit, with the client set 3× too high', async () => {
    const limit = 600;
    const run = await drive(limit, 600 * 8, { ratePerMinute: 3 * limit, concurrency: 4 });
    expect(run.results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect(run.windows.length).toBeGreaterThanOrEqual(6);
    expect(run.share).toBeLessThan(0.01);
    const mean = run.windows.reduce((sum, served) => sum + served, 0) / run.windows.length / limit;
    expect(mean).toBeGreaterThanOrEqual(0.85);
    // Every full window but the first two (learning) runs near the ceiling.
    for (const served of run.windows.slice(2)) expect(served / limit).toBeGreaterThanOrEqual(0.85);
  });

  it('learns the limit from a run that starts with the clock minute, too', async () => {
    const limit = 900;
    const run = await drive(limit, 900 * 5, { ratePerMinute: 3 * limit, concurrency: 4 }, 28_333_334 * MINUTE);
    expect(run.share).toBeLessThan(0.01);
    const mean = run.windows.reduce((sum, served) => sum + served, 0) / run.windows.length / limit;
    expect(mean).toBeGreaterThanOrEqual(0.85);
  });

  it('learns a ceiling a little below what was served, and pauses everyone: one probe at a time', async () => {
    const limit = 600;
    const clock = new ManualClock(28_333_334 * MINUTE);
    const server = silentServer(clock, limit);
    const c = client(clock, server.transport, { ratePerMinute: 3 * limit, concurrency: 4 });
    const all = Array.from({ length: 700 }, (_, i) => c.request({ api: 'control-planes', method: 'GET', path: `/x/${i}` }));
    await clock.runUntil(Promise.all(all), 2_000_000);
    // 600 served in the trailing minute when the first 429 came: ceiling 600 × 0.95.
    expect(c.scheduler.learnedCeilingPerMinute).toBe(570);
    expect(c.currentRatePerMinute).toBe(570);
    const firstAnswer = server.arrivals.find((a) => a.status === 429)!.done;
    const served = server.arrivals.filter((a) => a.status === 200 && a.at >= firstAnswer);
    const duringEpisode = server.arrivals.filter((a) => a.at >= firstAnswer && a.at <= served[0]!.at);
    // Every request sent between the first 429's answer and the first success is a probe, each alone in flight.
    expect(duringEpisode.length).toBeGreaterThan(2);
    for (let i = 1; i < duringEpisode.length; i++) expect(duringEpisode[i]!.at).toBeGreaterThanOrEqual(duringEpisode[i - 1]!.done);
    // The probes back off: the gaps grow (full jitter under a doubling ceiling, capped at 15 s).
    const gaps = duringEpisode.slice(1).map((a, i) => a.at - duringEpisode[i]!.done);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(15_000);
    expect(gaps.reduce((sum, gap) => sum + gap, 0)).toBeGreaterThan(10_000);
    // No request went while the window was closed other than those probes and the ones already in flight.
    expect(server.arrivals.filter((a) => a.status === 429).length).toBeLessThanOrEqual(duringEpisode.length + 4);
  });

  it('raises the learned ceiling by 2 % per clean minute, no faster', async () => {
    const clock = new ManualClock(28_333_334 * MINUTE);
    let limit = 600;
    const base = silentServer(clock, Number.MAX_SAFE_INTEGER);
    const transport: Transport = (request, signal) => {
      // The server's limit goes away after the first episode: only the slow raise brings the rate back up.
      const count = base.arrivals.filter((a) => Math.floor(a.at / MINUTE) === Math.floor(clock.now() / MINUTE)).length;
      if (count >= limit) {
        base.arrivals.push({ at: clock.now(), done: clock.now(), status: 429 });
        return Promise.resolve({ status: 429, headers: {}, body: BODY });
      }
      return base.transport(request, signal);
    };
    const c = client(clock, transport, { ratePerMinute: 1800, concurrency: 4 });
    const ceilings: number[] = [];
    const pending = Array.from({ length: 6000 }, (_, i) => c.request({ api: 'control-planes', method: 'GET', path: `/x/${i}` }));
    const all = Promise.all(pending);
    await clock.runUntil(Promise.race([all, clock.sleep(2 * MINUTE)]), 2_000_000);
    limit = Number.MAX_SAFE_INTEGER;
    for (let minute = 0; minute < 4; minute++) {
      await clock.runUntil(Promise.race([all, clock.sleep(MINUTE)]), 2_000_000);
      ceilings.push(c.scheduler.learnedCeilingPerMinute!);
    }
    await clock.runUntil(all, 2_000_000);
    expect(ceilings[0]).toBeGreaterThanOrEqual(570);
    for (let i = 1; i < ceilings.length; i++) {
      expect(ceilings[i]! / ceilings[i - 1]!).toBeGreaterThan(1.01);
      expect(ceilings[i]! / ceilings[i - 1]!).toBeLessThanOrEqual(1.02 + 1e-9);
    }
  });

  it('keeps announced limits on the old path: Retry-After is honoured and nothing is learned', async () => {
    const clock = new ManualClock();
    const fake = fakeTransport(clock, (_r, n) => (n === 0 ? { status: 429, headers: { 'retry-after': '7' }, body: BODY } : { status: 200 }), 0);
    const c = client(clock, fake.transport, { ratePerMinute: 600 });
    await clock.runUntil(c.request({ api: 'control-planes', method: 'GET', path: '/x' }));
    expect(fake.sent[1]!.at - fake.sent[0]!.at).toBe(7000);
    expect(c.scheduler.learnedCeilingPerMinute).toBeUndefined();
    expect(c.currentRatePerMinute).toBeLessThan(600); // AIMD halved it (and a clean window has added a step)
  });

  it('a lone request outlasts a long closed window (probes keep its attempts), but not forever', async () => {
    const clock = new ManualClock();
    const opensAt = clock.now() + 50_000;
    const fake = fakeTransport(clock, () => (clock.now() < opensAt ? { status: 429, body: BODY } : { status: 200 }), 0);
    const c = client(clock, fake.transport);
    const response = await clock.runUntil(c.request({ api: 'control-planes', method: 'GET', path: '/x' }));
    expect(response.status).toBe(200);
    expect(fake.sent.length).toBeGreaterThan(6);

    const clock2 = new ManualClock();
    const closed = fakeTransport(clock2, () => ({ status: 429, body: BODY }), 0);
    const c2 = client(clock2, closed.transport);
    const error = await clock2.runUntil(c2.request({ api: 'control-planes', method: 'GET', path: '/x' }), 1_000_000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(429);
    // 6 attempts, plus 20 probes that did not count.
    expect(closed.sent).toHaveLength(26);
  });

  it('a request waiting out an episode can be aborted', async () => {
    const clock = new ManualClock();
    const fake = fakeTransport(clock, () => ({ status: 429, body: BODY }), 10);
    const c = client(clock, fake.transport, { concurrency: 2 });
    const first = c.request({ api: 'control-planes', method: 'GET', path: '/a' }).catch((e: unknown) => e);
    await clock.advance(20);
    const controller = new AbortController();
    const waiting = c.request({ api: 'control-planes', method: 'GET', path: '/b', signal: controller.signal }).catch((e: unknown) => e);
    await clock.advance(5);
    controller.abort(new Error('stop'));
    expect(((await waiting) as Error).message).toBe('stop');
    expect(fake.sent.map((s) => new URL(s.request.url).pathname)).toEqual(['/v2/a']);
    await clock.runUntil(first, 1_000_000);
  });
});
