import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CP, platformYaml } from './states.js';
import { controlPlaneId, parseJson, SECRET, startHarness, type Harness } from './harness.js';

const PASSWORD = 'plain-password-123';

function gatewayYaml(aclGroup = 'admins'): string {
  return `_format_version: "3.0"
_konnect: { control_plane_name: ${CP} }
consumers:
  - username: alice
    keyauth_credentials:
      - key: \${{ env "DECK_E2E_SECRET" }}
    basicauth_credentials:
      - { username: alice-basic, password: ${PASSWORD} }
    acls:
      - group: ${aclGroup}
    jwt_secrets:
      - { key: alice-iss }
    hmacauth_credentials:
      - { username: alice-hmac, secret: hmac-secret-value }
  - username: bob
    keyauth_credentials:
      - key: bob-key
`;
}

type Listed = { data: Array<Record<string, unknown>> };

describe('consumer credentials against the emulator', () => {
  let h: Harness;
  let state: string[];
  let base: string;
  beforeAll(async () => {
    h = await startHarness();
    await h.write('state/platform.yaml', platformYaml());
    await h.write('state/payments.yaml', gatewayYaml());
    state = ['-s', h.path('state')];
  });
  afterAll(async () => h?.stop());

  const list = async (path: string) => ((await h.api('GET', `${base}${path}`)) as Listed).data;

  it('syncs consumers with every credential kind from empty', async () => {
    const plan = await h.run(['diff', ...state, ...h.konnect, '--output', 'json']);
    expect(plan.code, plan.out + plan.err).toBe(2);
    expect(plan.out).not.toContain(SECRET);
    const result = await h.run(['sync', ...state, ...h.konnect, '--yes']);
    expect(result.code, result.out + result.err).toBe(0);
    expect(result.out + result.err).not.toContain(SECRET);
    expect(result.out + result.err).not.toContain(PASSWORD);
    base = `/control-planes/${await controlPlaneId(h, CP)}/core-entities`;
    const alice = (await h.api('GET', `${base}/consumers/alice`)) as { id: string };
    expect((await list('/consumers/alice/key-auth')).map((c) => c.key)).toEqual([SECRET]);
    expect((await list('/consumers/bob/key-auth')).map((c) => c.key)).toEqual(['bob-key']);
    const basic = await list('/consumers/alice/basic-auth');
    expect(basic).toMatchObject([{ username: 'alice-basic', password: createHash('sha1').update(`${PASSWORD}${alice.id}`).digest('hex') }]);
    expect((await list('/consumers/alice/acls')).map((c) => c.group)).toEqual(['admins']);
    const jwt = await list('/consumers/alice/jwt');
    expect(jwt).toMatchObject([{ key: 'alice-iss', algorithm: 'HS256', secret: expect.stringMatching(/^[0-9a-f]{32}$/) }]);
    expect(await list('/consumers/alice/hmac-auth')).toMatchObject([{ username: 'alice-hmac', secret: 'hmac-secret-value' }]);
  });

  it('a second sync is a no-op: hashed password and generated jwt secret are not drift', async () => {
    const logged = h.emulator.requestLog.length;
    const result = await h.run(['sync', ...state, ...h.konnect, '--yes', '--output', 'json']);
    expect(result.code, result.out + result.err).toBe(0);
    const body = parseJson(result.out) as { plan: { summary: { total: number } }; report: unknown };
    expect(body.plan.summary.total).toBe(0);
    expect(body.report).toBeNull();
    // Read with one listing per credential kind, not one per consumer.
    const gets = h.emulator.requestLog.slice(logged).filter((entry) => entry.method === 'GET').map((entry) => entry.path.split('?')[0]!);
    expect(gets.filter((path) => /\/consumers\/[^/]+\/(key-auth|basic-auth|acls|jwt|hmac-auth)$/.test(path))).toEqual([]);
    for (const all of ['key-auths', 'basic-auths', 'acls', 'jwts', 'hmac-auths']) expect(gets.filter((path) => path.endsWith(`/core-entities/${all}`))).toHaveLength(1);
  });

  it('dumps credentials nested under their consumers, and the dump diffs clean', async () => {
    const dumped = await h.run(['dump', ...h.konnect, '--out', h.path('dumped')], { DECK_E2E_SECRET: SECRET });
    expect(dumped.code, dumped.out + dumped.err).toBe(0);
    const text = await readFile(h.path(`dumped/${CP}.yaml`), 'utf8');
    expect(text).not.toContain(SECRET);
    const doc = parse(text) as { consumers: Array<Record<string, unknown>> };
    const alice = doc.consumers.find((c) => c.username === 'alice')!;
    expect(alice.keyauth_credentials).toEqual([{ key: '${{ env "DECK_E2E_SECRET" }}' }]);
    expect(alice.basicauth_credentials).toEqual([{ username: 'alice-basic' }]);
    expect(alice.acls).toEqual([{ group: 'admins' }]);
    expect(alice.jwt_secrets).toMatchObject([{ key: 'alice-iss', algorithm: 'HS256' }]);
    expect(alice.hmacauth_credentials).toEqual([{ username: 'alice-hmac', secret: 'hmac-secret-value' }]);
    const diff = await h.run(['diff', '-s', h.path('dumped'), ...h.konnect]);
    expect(diff.code, diff.out + diff.err).toBe(0);
  });

  it('a changed ACL group and a removed credential are synced, then in sync again', async () => {
    await h.write('state/payments.yaml', gatewayYaml('operators').replace(/ {2}- username: bob\n.*\n.*\n$/, '  - username: bob\n'));
    const diff = await h.run(['diff', ...state, ...h.konnect]);
    expect(diff.code, diff.out + diff.err).toBe(2);
    expect(diff.out).toContain('operators');
    const sync = await h.run(['sync', ...state, ...h.konnect, '--yes']);
    expect(sync.code, sync.out + sync.err).toBe(0);
    expect((await list('/consumers/alice/acls')).map((c) => c.group)).toEqual(['operators']);
    expect(await list('/consumers/bob/key-auth')).toEqual([]);
    expect((await h.run(['diff', ...state, ...h.konnect])).code).toBe(0);
  });

  it('deleting a consumer takes its credentials with it', async () => {
    await h.api('DELETE', `${base}/consumers/alice`);
    expect(await list('/key-auths')).toEqual([]);
    expect(await list('/jwts')).toEqual([]);
  });
});
