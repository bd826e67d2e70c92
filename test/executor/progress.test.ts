import { describe, expect, it } from 'vitest';
import { ProgressRenderer } from '../../src/render/progress.js';
import type { ProgressEvent } from '../../src/executor/index.js';

class FakeStream {
  chunks: string[] = [];
  constructor(
    readonly isTTY: boolean,
    readonly columns?: number,
  ) {}
  write(text: string): boolean {
    this.chunks.push(text);
    return true;
  }
  get text(): string {
    return this.chunks.join('');
  }
}

const ev = (id: string, state: ProgressEvent['state'], elapsedMs: number, extra: Partial<ProgressEvent> = {}): ProgressEvent => ({
  id,
  title: id.replace(/^[a-z]+:/, '').replace(':', ' '),
  state,
  elapsedMs,
  ...extra,
});

describe('ProgressRenderer without a TTY', () => {
  it('prints one line per completion and a waiting line at most every 10 s per resource', () => {
    let now = 0;
    const stream = new FakeStream(false);
    const renderer = new ProgressRenderer({ stream, now: () => now, env: {} });
    renderer.handle(ev('create:service:orders', 'started', 0));
    renderer.handle(ev('create:service:orders', 'done', 120));
    renderer.handle(ev('wait:network:prod', 'started', 0));
    for (const at of [1_000, 2_600, 5_000, 9_000, 12_000, 18_000, 22_500]) {
      now = at;
      renderer.handle(ev('wait:network:prod', 'waiting', at, { detail: 'initializing' }));
    }
    now = 25_000;
    renderer.handle(ev('wait:network:prod', 'failed', 25_000, { message: 'reached state terminated: quota' }));
    renderer.handle(ev('create:configuration:payments', 'skipped', 0, { message: 'blocked by failed wait:network:prod' }));
    expect(stream.text).toBe(
      [
        '✓ service orders (120ms)',
        '… network prod: waiting (initializing) 1.0s',
        '… network prod: waiting (initializing) 12.0s',
        '… network prod: waiting (initializing) 22.5s',
        '✗ network prod: reached state terminated: quota (25.0s)',
        '- configuration payments: blocked by failed wait:network:prod',
        '',
      ].join('\n'),
    );
    expect(stream.text).not.toContain('\x1b[');
  });
});

describe('ProgressRenderer on a TTY', () => {
  it('keeps a live line per resource in flight, redrawn in place, with colour', () => {
    let now = 0;
    const stream = new FakeStream(true);
    const renderer = new ProgressRenderer({ stream, now: () => now, env: {} });
    renderer.handle(ev('create:service:a', 'started', 0));
    renderer.handle(ev('wait:network:prod', 'started', 0));
    expect(stream.chunks.at(-1)).toContain('\x1b[1F\x1b[J');
    now = 65_000;
    renderer.handle(ev('wait:network:prod', 'waiting', 65_000, { detail: 'initializing' }));
    const last = stream.chunks.at(-1)!;
    expect(last.startsWith('\x1b[2F\x1b[J')).toBe(true);
    expect(last).toContain('network prod');
    expect(last).toContain('waiting (initializing) 1m05s');
    renderer.handle(ev('create:service:a', 'done', 65_000));
    const afterDone = stream.chunks.at(-1)!;
    expect(afterDone).toContain('\x1b[32m✓\x1b[0m service a');
    // The finished line is printed above the live block, which now holds only the network.
    expect(afterDone.split('\n').filter((line) => line.includes('network prod'))).toHaveLength(1);
    renderer.stop();
    expect(stream.chunks.at(-1)).toBe('\x1b[1F\x1b[J');
  });

  it('honours NO_COLOR for colour only and fits lines to the terminal width', () => {
    const stream = new FakeStream(true, 20);
    const renderer = new ProgressRenderer({ stream, now: () => 0, env: { NO_COLOR: '1' } });
    renderer.handle(ev('create:service:a-very-long-service-name-indeed', 'started', 0));
    renderer.handle(ev('create:service:a-very-long-service-name-indeed', 'done', 5));
    expect(stream.text).not.toMatch(/\x1b\[\d+m/);
    expect(stream.text).toContain('\x1b[1F\x1b[J');
    for (const line of stream.text.replace(/\x1b\[\d*[FJ]/g, '').split('\n')) expect(line.length).toBeLessThanOrEqual(20);
  });
});
