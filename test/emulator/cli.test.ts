import { afterEach, describe, expect, it, vi } from 'vitest';
import { Command } from 'commander';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { register } from '../../src/cli/commands/emulator.js';

afterEach(() => {
  vi.restoreAllMocks();
});

function program(): Command {
  const root = new Command('konsync').exitOverride();
  register(root);
  return root;
}

describe('konsync emulator', () => {
  it('starts, prints the URL and export hints, and saves on SIGTERM', async () => {
    const dataFile = join(mkdtempSync(join(tmpdir(), 'konsync-cli-')), 'state.json');
    const output: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      output.push(String(chunk));
      return true;
    });
    const running = program().parseAsync(['node', 'konsync', 'emulator', '--data', dataFile, '--token', 'kpat_cli', '--rate-limit', '100/min', '--seed', '3']);
    const deadline = Date.now() + 5000;
    while (!output.join('').includes('KONNECT_TOKEN') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    const text = output.join('');
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1];
    expect(url).toBeDefined();
    expect(text).toContain(`export KONNECT_ADDR=${url} KONNECT_TOKEN=kpat_cli`);
    const reply = await fetch(`${url}/v2/control-planes`, {
      method: 'POST',
      headers: { authorization: 'Bearer kpat_cli', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'from-cli' }),
    });
    expect(reply.status).toBe(201);
    expect(reply.headers.get('ratelimit-limit')).toBe('100');
    process.emit('SIGTERM');
    await running;
    expect(readFileSync(dataFile, 'utf8')).toContain('from-cli');
    expect(output.join('')).toContain('Emulator stopped');
  });

  it('--no-rate-limit-headers leaves every rate-limit header out', async () => {
    const output: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      output.push(String(chunk));
      return true;
    });
    const running = program().parseAsync(['node', 'konsync', 'emulator', '--rate-limit', '1/min', '--no-rate-limit-headers']);
    const deadline = Date.now() + 5000;
    while (!output.join('').includes('KONNECT_TOKEN') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output.join(''))?.[1];
    expect(url).toBeDefined();
    const replies = [];
    for (let i = 0; i < 2; i++) replies.push(await fetch(`${url}/v2/control-planes`, { headers: { authorization: 'Bearer kpat_emulator' } }));
    process.emit('SIGTERM');
    await running;
    expect(replies.map((r) => r.status)).toContain(429);
    for (const reply of replies) expect([...reply.headers.keys()].filter((n) => n.includes('ratelimit') || n === 'retry-after')).toEqual([]);
  });

  it('rejects bad option values', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await expect(program().parseAsync(['node', 'konsync', 'emulator', '--rate-limit', 'fast'])).rejects.toThrow(/rate limit/);
    await expect(program().parseAsync(['node', 'konsync', 'emulator', '--faults', 'boom=1'])).rejects.toThrow(/unknown fault/);
    await expect(program().parseAsync(['node', 'konsync', 'emulator', '--port', '-1'])).rejects.toThrow(/--port/);
  });
});
