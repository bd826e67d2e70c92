import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureIO } from '../../src/cli/output.js';
import { runInProcess } from '../../src/cli/in-process.js';
import { json, startServer, type TestServer } from './http-server.js';

const TOKEN = 'kpat_PingSecret0123456789';
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function konnect(acceptToken = TOKEN) {
  server = await startServer((req, res) => {
    if (req.headers.authorization !== `Bearer ${acceptToken}`) return json(res, 401, { message: 'Unauthorized' });
    // As the emulator: `/v2` is the global and the us host, `/<geo>/v2` another geo's regional APIs.
    const regional = /^\/(eu|au|me|in|sg)\/v2\/control-planes/.test(req.url.pathname);
    const path = regional ? req.url.pathname.replace(/^\/[a-z]+\/v2\//, '/v2/') : req.url.pathname;
    if (path === '/v2/cloud-gateways/provider-accounts') return json(res, 200, { data: [{ id: 'pa', provider: 'aws' }], meta: { page: { number: 1, size: 1, total: 1 } } });
    if (path === '/v2/control-planes') {
      const name = req.url.searchParams.get('filter[name][eq]');
      const all = [{ id: 'cp-1', name: 'payments' }, { id: 'cp-2', name: 'other' }];
      const data = all.filter((cp) => name === null || cp.name === name).slice(0, 1);
      return json(res, 200, { data, meta: { page: { number: 1, size: 1, total: name === null ? 2 : data.length } } });
    }
    if (path === '/v2/control-planes/cp-1/core-entities/services') return json(res, 200, { data: [], next: null });
    return json(res, 404, { message: 'Not found' });
  });
  return server;
}

async function ping(args: string[], env: Record<string, string | undefined> = {}) {
  const io = captureIO({ env });
  const code = await runInProcess(['ping', ...args], io);
  return { code, out: io.out, err: io.err };
}

describe('konsync ping', () => {
  it('checks every API, with the token from KONNECT_TOKEN and the address from KONNECT_ADDR', async () => {
    const s = await konnect();
    const result = await ping(['--control-plane', 'payments'], { KONNECT_TOKEN: TOKEN, KONNECT_ADDR: s.url });
    expect(result.code).toBe(0);
    expect(result.out).toContain('1 provider account');
    expect(result.out).toContain('2 control planes');
    expect(result.out).toContain('core entities of "payments" answered');
    expect(result.out + result.err).not.toContain(TOKEN);
    expect(s.requests.map((r) => r.url.pathname)).toContain('/v2/control-planes/cp-1/core-entities/services');
  });

  it('JSON output and a missing control plane fails with exit 1', async () => {
    const s = await konnect();
    const dir = mkdtempSync(join(tmpdir(), 'konsync-ping-'));
    writeFileSync(join(dir, 'token'), TOKEN);
    const result = await ping(['--konnect-addr', s.url, '--konnect-token-file', join(dir, 'token'), '--control-plane', 'nope', '--geo', 'eu', '--output', 'json'], {});
    expect(result.code).toBe(1);
    const body = JSON.parse(result.out) as { ok: boolean; geo: string; checks: Array<{ ok: boolean; detail: string }> };
    expect(body.ok).toBe(false);
    expect(body.geo).toBe('eu');
    expect(body.checks.at(-1)!.detail).toBe('control plane "nope" not found in geo eu');
  });

  it('a rejected token: exit 1, the 401 advice, never the token', async () => {
    const s = await konnect('kpat_other');
    const result = await ping([], { KONNECT_TOKEN: TOKEN, KONNECT_ADDR: s.url });
    expect(result.code).toBe(1);
    expect(result.out).toContain('Konnect rejected the token (401): check KONNECT_TOKEN or --konnect-token-file');
    expect(result.out + result.err).not.toContain(TOKEN);
    // 401 is final: one request per check, no retries.
    expect(s.requests).toHaveLength(2);
  });

  it('no token at all: exit 1 with advice', async () => {
    const result = await ping(['--konnect-addr', 'http://127.0.0.1:1'], {});
    expect(result.code).toBe(1);
    expect(result.out + result.err).toContain('set KONNECT_TOKEN or pass --konnect-token-file');
  });
});
