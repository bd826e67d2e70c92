import { afterEach, describe, expect, it } from 'vitest';
import { inspect } from 'node:util';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KonnectClient } from '../../src/konnect/client.js';
import { ApiError } from '../../src/konnect/api-error.js';
import { resolveToken } from '../../src/konnect/token.js';
import { apiErrorMessage } from '../../src/konnect/error-message.js';
import { KonsyncError } from '../../src/errors.js';
import { json, startServer, type TestServer } from './http-server.js';

const TOKEN = 'kpat_SuperSecretTokenValue123';
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function failWith(status: number, body: unknown, describe?: string): Promise<ApiError> {
  server = await startServer((_req, res) => json(res, status, body, { 'content-type': 'application/problem+json' }));
  const c = new KonnectClient({ token: TOKEN, addr: server.url, ratePerMinute: 1_000_000, retry: { maxAttempts: 1 }, ...(describe ? { describe } : {}) });
  const error = await c.request({ api: 'cloud-gateways', method: 'POST', path: '/cloud-gateways/networks', body: { name: 'n' } }).catch((e: unknown) => e);
  await server.close();
  server = undefined;
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toBeInstanceOf(KonsyncError);
  return error as ApiError;
}

describe('ApiError messages', () => {
  it('Problem+JSON: title, detail and every invalid parameter', async () => {
    const error = await failWith(400, {
      status: 400,
      title: 'Invalid Request',
      detail: 'Invalid Parameters',
      instance: 'konnect:trace:1',
      invalid_parameters: [
        { field: 'cidr_block', rule: 'is_supported_network_cidr_block', reason: 'must be within 10.0.0.0/8' },
        { field: 'name', reason: 'is a required field' },
      ],
    });
    expect(error).toMatchObject({ status: 400, method: 'POST', path: '/cloud-gateways/networks' });
    expect(error.message).toBe(
      'Konnect answered 400 Invalid Request to POST /cloud-gateways/networks: Invalid Parameters [cidr_block: must be within 10.0.0.0/8, name: is a required field]',
    );
  });

  it('core-entity {code, message, details[{field, messages}]}', async () => {
    const error = await failWith(400, {
      code: 3,
      message: 'validation error',
      details: [{ '@type': 'type.googleapis.com/kong.admin.model.v1.ErrorDetail', type: 'ERROR_TYPE_FIELD', field: 'name', messages: ['name (type: unique) constraint failed'] }],
    });
    expect(error.message).toContain('validation error [name: name (type: unique) constraint failed]');
  });

  it('plain {message}', async () => {
    const error = await failWith(500, { message: 'An unexpected error occurred' });
    expect(error.message).toBe('Konnect answered 500 to POST /cloud-gateways/networks: An unexpected error occurred');
  });

  it('401, 403 (permission and quota), 404 with context, 409', async () => {
    expect((await failWith(401, { message: 'Unauthorized' })).message).toBe(
      'Konnect rejected the token (401): check KONNECT_TOKEN or --konnect-token-file (POST /cloud-gateways/networks)',
    );
    expect((await failWith(403, { title: 'Forbidden', detail: 'not allowed to create networks' })).message).toContain(
      'the token lacks permission: not allowed to create networks',
    );
    expect((await failWith(403, { title: 'Quota Exceeded', detail: 'Maximum number of networks exceeded. Max allowed: 2.' })).message).toBe(
      'Konnect quota exceeded (403) for POST /cloud-gateways/networks: Maximum number of networks exceeded. Max allowed: 2.',
    );
    expect((await failWith(404, { title: 'Not Found', detail: 'not found' }, 'control plane "x" in geo eu')).message).toBe(
      'Not found in Konnect (404): control plane "x" in geo eu (POST /cloud-gateways/networks): not found',
    );
    expect((await failWith(409, { title: 'Conflict', detail: 'name must be unique per org' })).message).toContain('Conflict (409) on POST');
    expect(apiErrorMessage({ status: 502, method: 'GET', path: '/x', text: '<html>bad gateway</html>' })).toBe('Konnect answered 502 to GET /x: <html>bad gateway</html>');
  });
});

describe('the token never leaks', () => {
  it('not in errors, even when the server echoes it back', async () => {
    server = await startServer((req, res) => json(res, 400, { message: `bad header ${String(req.headers.authorization)}` }));
    const c = new KonnectClient({ token: TOKEN, addr: server.url, ratePerMinute: 1_000_000 });
    const error = (await c.request({ api: 'control-planes', method: 'GET', path: '/control-planes' }).catch((e: unknown) => e)) as ApiError;
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(error.message).not.toContain(TOKEN);
    expect(error.message).toContain('[redacted]');
    expect(String(error.stack)).not.toContain(TOKEN);
    expect(JSON.stringify(c)).not.toContain(TOKEN);
    expect(inspect(c, { depth: 5 })).not.toContain(TOKEN);
  });

  it('not in connection errors', async () => {
    const closed = await startServer((_req, res) => json(res, 200, {}));
    await closed.close();
    const c = new KonnectClient({ token: TOKEN, addr: closed.url, ratePerMinute: 1_000_000, retry: { maxAttempts: 2, baseDelayMs: 1 } });
    const error = (await c.request({ api: 'control-planes', method: 'GET', path: '/control-planes' }).catch((e: unknown) => e)) as Error;
    expect(error.name).toBe('KonnectConnectionError');
    expect(`${error.message} ${String(error.stack)} ${inspect(error)}`).not.toContain(TOKEN);
  });

  it('resolveToken: file wins over env; errors name the file, never the content', () => {
    const dir = mkdtempSync(join(tmpdir(), 'konsync-token-'));
    const file = join(dir, 'token');
    writeFileSync(file, `${TOKEN}\n`);
    expect(resolveToken({ tokenFile: file, env: { KONNECT_TOKEN: 'kpat_env' } })).toBe(TOKEN);
    expect(resolveToken({ env: { KONNECT_TOKEN: 'kpat_env' } })).toBe('kpat_env');
    expect(() => resolveToken({ env: {} })).toThrow('set KONNECT_TOKEN or pass --konnect-token-file');
    writeFileSync(file, `${TOKEN} second-word\n`);
    expect(() => resolveToken({ tokenFile: file, env: {} })).toThrow(/more than one/);
    try {
      resolveToken({ tokenFile: file, env: {} });
    } catch (error) {
      expect(String(error)).not.toContain(TOKEN);
    }
    expect(() => resolveToken({ tokenFile: join(dir, 'missing'), env: {} })).toThrow(/ENOENT/);
  });

  it('a token fetch could not send is refused up front: fetch\'s own error would quote it', () => {
    for (const bad of [`${TOKEN}\nsecond-line`, `${TOKEN}\u0100`]) {
      const errors = [() => resolveToken({ env: { KONNECT_TOKEN: bad } }), () => new KonnectClient({ token: bad, addr: 'http://127.0.0.1:1' })].map((make) => {
        try {
          make();
        } catch (error) {
          return error;
        }
        return undefined;
      });
      for (const error of errors) {
        expect(error).toMatchObject({ name: 'TokenError' });
        expect(`${String(error)} ${String((error as Error).stack)}`).not.toContain(TOKEN);
      }
    }
  });
});
