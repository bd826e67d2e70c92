import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FaultInjector, parseFaults } from '../../src/emulator/faults.js';
import { harness, items, type Harness } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.emulator.stop();
  h = undefined;
});

/** Sends a request and reports how it ended, without fetch's retries. */
function raw(url: string, method: string, token: string, body?: unknown, timeoutMs = 300): Promise<string> {
  return new Promise((resolve) => {
    const payload = body === undefined ? '' : JSON.stringify(body);
    const req = request(url, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(String(res.statusCode)));
    });
    req.setTimeout(timeoutMs, () => {
      req.destroy();
      resolve('timeout');
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNRESET' || error.message.includes('socket hang up') ? 'reset' : error.message));
    req.end(payload);
  });
}

describe('fault injection', () => {
  it('parses the spec and rejects nonsense', () => {
    expect(parseFaults('429=0.05,500=0.02,reset=0.01,timeout=0.005,latency=20-80ms')).toEqual({
      probabilities: { '429': 0.05, '500': 0.02, reset: 0.01, timeout: 0.005 },
      latency: { min: 20, max: 80 },
    });
    expect(parseFaults('latency=50ms')).toEqual({ probabilities: {}, latency: { min: 50, max: 50 } });
    expect(() => parseFaults('503=0.1')).toThrow(/unknown fault/);
    expect(() => parseFaults('429=2')).toThrow(/between 0 and 1/);
    expect(() => parseFaults('latency=fast')).toThrow(/latency/);
    expect(() => parseFaults('429=0.6,500=0.6')).toThrow(/more than 1/);
  });

  it('replays the same decisions for the same seed', () => {
    const spec = parseFaults('429=0.2,500=0.2,reset=0.1,timeout=0.1,latency=10-20ms');
    const run = (seed: number) => {
      const injector = new FaultInjector(spec, seed);
      return Array.from({ length: 50 }, () => injector.next());
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
    const decisions = run(7);
    expect(new Set(decisions.map((d) => d.fault ?? 'none'))).toEqual(new Set(['429', '500', 'reset', 'timeout', 'none']));
    expect(decisions.every((d) => d.latencyMs >= 10 && d.latencyMs <= 20)).toBe(true);
  });

  it('injects the same faults into the same request sequence with a seed', async () => {
    const outcomes = async () => {
      h = await harness({ faults: '429=0.25,500=0.25', seed: 42 });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await h.call('GET', '/control-planes')).status);
      const log = h.emulator.requestLog.map((entry) => `${entry.status}:${entry.fault ?? ''}`);
      await h.emulator.stop();
      h = undefined;
      return { statuses, log };
    };
    const first = await outcomes();
    expect(first).toEqual(await outcomes());
    expect(first.statuses).toContain(429);
    expect(first.statuses).toContain(500);
    expect(first.statuses).toContain(200);
    expect(first.log).toContain('429:429');
  });

  it('an injected 429 looks like the real one', async () => {
    h = await harness({ faults: '429=1' });
    const reply = await h.call('GET', '/control-planes');
    expect(reply.status).toBe(429);
    expect(reply.text).toBe('{"message":"API rate limit exceeded"}');
    expect(reply.headers.get('retry-after')).not.toBeNull();
  });

  it('timeout: the write is committed, the response never comes', async () => {
    const dataFile = join(mkdtempSync(join(tmpdir(), 'konsync-emu-')), 'state.json');
    h = await harness({ faults: 'timeout=1', dataFile });
    expect(await raw(`${h.emulator.url}/v2/control-planes`, 'POST', h.emulator.token, { name: 'committed' })).toBe('timeout');
    expect(h.emulator.requestLog[0]).toMatchObject({ method: 'POST', fault: 'timeout', status: 0 });
    await h.emulator.stop();
    h = await harness({ dataFile });
    expect(items(await h.call('GET', '/control-planes')).map((cp) => cp.name)).toEqual(['committed']);
  });

  it('reset destroys the connection without touching state', async () => {
    h = await harness({ faults: 'reset=1' });
    expect(await raw(`${h.emulator.url}/v2/control-planes`, 'POST', h.emulator.token, { name: 'lost' })).toBe('reset');
    expect(h.emulator.requestLog[0]).toMatchObject({ fault: 'reset', status: 0 });
  });

  it('latency delays responses', async () => {
    h = await harness({ faults: 'latency=120ms' });
    const started = performance.now();
    expect((await h.call('GET', '/control-planes')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
  });
});
