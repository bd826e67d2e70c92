import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { captureIO } from '../../src/cli/output.js';
import { runInProcess } from '../../src/cli/in-process.js';
import { startProxy, type TestProxy } from './proxy-server.js';
import { json, startServer } from './http-server.js';

const dir = mkdtempSync(join(tmpdir(), 'konsync-network-'));
let emulator: RunningEmulator;
let proxy: TestProxy;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  proxy = await startProxy();
});
afterAll(async () => {
  await proxy?.close();
  await emulator?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function ping(args: string[], env: Record<string, string | undefined> = {}) {
  const io = captureIO({ env: { PATH: process.env.PATH, KONNECT_TOKEN: emulator.token, ...env } });
  const code = await runInProcess(['ping', ...args], io);
  return { code, out: io.out, err: io.err };
}

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('proxy (HTTPS_PROXY / HTTP_PROXY / NO_PROXY)', () => {
  it('HTTP_PROXY: every request goes through the proxy, which forwards each one', async () => {
    const before = { proxied: proxy.forwarded, served: emulator.requestLog.length };
    const result = await ping(['--konnect-addr', emulator.url], { HTTP_PROXY: proxy.url });
    expect(result.code, result.out + result.err).toBe(0);
    const served = emulator.requestLog.length - before.served;
    expect(served).toBeGreaterThan(0);
    expect(proxy.forwarded - before.proxied).toBe(served);
  });

  it('lower-case http_proxy works too; NO_PROXY naming the host bypasses the proxy', async () => {
    const before = proxy.forwarded;
    expect((await ping(['--konnect-addr', emulator.url], { http_proxy: proxy.url, NO_PROXY: 'localhost,127.0.0.1' })).code).toBe(0);
    expect(proxy.forwarded).toBe(before);
    expect((await ping(['--konnect-addr', emulator.url], { http_proxy: proxy.url })).code).toBe(0);
    expect(proxy.forwarded).toBeGreaterThan(before);
  });

  it('a proxy that is down: the error names the target, the proxy and the cause, never the proxy password', async () => {
    const port = await closedPort();
    const result = await ping(['--konnect-addr', emulator.url], { HTTP_PROXY: `http://user:hunter22@127.0.0.1:${port}` });
    expect(result.code).toBe(1);
    expect(result.out).toContain(`through the proxy 127.0.0.1:${port}`);
    expect(result.out).toContain('ECONNREFUSED');
    expect(result.out + result.err).not.toContain('hunter22');
  });
});

describe('network errors name host, port and cause', () => {
  it('ECONNREFUSED: host and port, after the retries', async () => {
    const port = await closedPort();
    const result = await ping(['--konnect-addr', `http://127.0.0.1:${port}`]);
    expect(result.code).toBe(1);
    expect(result.out).toContain(`cannot reach 127.0.0.1:${port}: connection refused`);
    expect(result.out).toContain('(ECONNREFUSED)');
    expect(result.out).not.toContain('fetch failed');
  });

  it('an unknown host: the host name and the DNS cause', async () => {
    const result = await ping(['--konnect-addr', 'http://konsync-no-such-host.invalid:8080'], {}, );
    expect(result.code).toBe(1);
    expect(result.out).toContain('cannot reach konsync-no-such-host.invalid:8080');
    expect(result.out).toMatch(/ENOTFOUND|EAI_AGAIN/);
  });

  it('KONNECT_ADDR without a scheme gets a hint, before anything is sent', async () => {
    const result = await ping([], { KONNECT_ADDR: '127.0.0.1:8787' });
    expect(result.code).toBe(1);
    expect(result.err).toContain('KONNECT_ADDR "127.0.0.1:8787" is not an http(s) URL');
    expect(result.err).toContain('KONNECT_ADDR=http://127.0.0.1:8787');
    const flag = await ping(['--konnect-addr', 'localhost:8787']);
    expect(flag.err).toContain('--konnect-addr http://localhost:8787');
  });
});

describe('--ca-cert and certificate errors', () => {
  let url = '';
  let caFile = '';
  let close: () => void = () => undefined;
  beforeAll(async () => {
    const key = join(dir, 'key.pem');
    caFile = join(dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', caFile, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    const server = createHttpsServer({ key: readFileSync(key), cert: readFileSync(caFile) }, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: [], meta: { page: { number: 1, size: 1, total: 0 } } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => {
      server.closeAllConnections();
      server.close();
    };
  });
  afterAll(() => close());

  it('an untrusted certificate: named as such, with the --ca-cert hint', async () => {
    const result = await ping(['--konnect-addr', url]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('certificate not trusted');
    expect(result.out).toContain('--ca-cert FILE');
  });

  it('--ca-cert FILE trusts it', async () => {
    const result = await ping(['--konnect-addr', url, '--ca-cert', caFile]);
    expect(result.code, result.out + result.err).toBe(0);
  });

  it('--ca-cert with a file that is not PEM is refused, naming the file', async () => {
    const bad = join(dir, 'not-a-cert.txt');
    writeFileSync(bad, 'hello');
    const result = await ping(['--konnect-addr', url, '--ca-cert', bad]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('not-a-cert.txt');
    expect(result.err).toContain('no PEM certificate');
  });
});

describe('--timeout', () => {
  it('a server that never answers: the request gives up after --timeout, saying so', async () => {
    const silent = await startServer(() => undefined);
    try {
      const result = await ping(['--konnect-addr', silent.url, '--timeout', '200ms']);
      expect(result.code).toBe(1);
      expect(result.out).toContain('no answer within 200 ms');
    } finally {
      await silent.close();
    }
  });

  it('refuses a duration that is not one', async () => {
    const result = await ping(['--konnect-addr', emulator.url, '--timeout', 'soon']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('not a duration');
  });
});

describe('--verbose and KONSYNC_LOG=debug', () => {
  it('logs every request with status and duration, token and DECK_ values never', async () => {
    const secret = 'deck-secret-cp-name-77';
    const result = await ping(['--konnect-addr', emulator.url, '--verbose', '--control-plane', secret], { DECK_CP: secret });
    const lines = result.err.split('\n').filter((line) => line.startsWith('konsync: GET '));
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) expect(line).toMatch(/→ \d{3} in \d+ ms$/);
    expect(result.err).toContain('/v2/control-planes');
    expect(result.err + result.out).not.toContain(emulator.token);
    expect(result.err + result.out).not.toContain(secret);
  });

  it('KONSYNC_LOG=debug does the same; without either nothing is logged', async () => {
    expect((await ping(['--konnect-addr', emulator.url], { KONSYNC_LOG: 'debug' })).err).toMatch(/konsync: GET \S+ → 200 in \d+ ms/);
    expect((await ping(['--konnect-addr', emulator.url])).err).toBe('');
  });

  it('logs retries and rate-limit waits', async () => {
    let calls = 0;
    const server = await startServer((req, res) => {
      calls++;
      if (calls === 1) return json(res, 429, { message: 'slow down' }, { 'retry-after': '0' });
      return json(res, 200, { data: [], meta: { page: { number: 1, size: 1, total: 0 } } });
    });
    try {
      const result = await ping(['--konnect-addr', server.url, '--verbose']);
      expect(result.code, result.out + result.err).toBe(0);
      expect(result.err).toMatch(/→ 429 in \d+ ms/);
      expect(result.err).toMatch(/retry GET \/cloud-gateways\/provider-accounts in \d+ ms \(attempt 2 of 3\): rate limited \(429\)/);
    } finally {
      await server.close();
    }
  });
});
