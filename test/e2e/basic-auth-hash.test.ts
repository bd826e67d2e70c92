import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CP, platformYaml } from './states.js';
import { controlPlaneId, parseJson, startHarness, type Harness } from './harness.js';

// decK's `_info.skip_hash_for_basic_auth` (Kong/deck's Konnect sync test): a basic-auth password that is already a
// hash is stored as sent (`?skip_hash=true`), and what Konnect then holds is that very hash.

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
const HASH = sha1('migrated-from-kong-ee');
const ROTATED = sha1('rotated');

function gatewayYaml(options: { hash: string; info?: boolean }): string {
  return [
    '_format_version: "3.0"',
    `_konnect: { control_plane_name: ${CP} }`,
    ...(options.info === false ? [] : ['_info: { skip_hash_for_basic_auth: true }']),
    'consumers:',
    '  - username: alice',
    '    basicauth_credentials:',
    `      - { username: alice-basic, password: ${options.hash} }`,
    '',
  ].join('\n');
}

type Listed = { data: Array<Record<string, unknown>> };

describe('basic-auth hashes stored as sent (skip_hash_for_basic_auth)', () => {
  let h: Harness;
  let state: string[];
  const stored = async () => {
    const base = `/control-planes/${await controlPlaneId(h, CP)}/core-entities`;
    return ((await h.api('GET', `${base}/consumers/alice/basic-auth`)) as Listed).data.map((c) => c.password);
  };
  beforeAll(async () => {
    h = await startHarness();
    await h.write('state/platform.yaml', platformYaml());
    await h.write('state/payments.yaml', gatewayYaml({ hash: HASH }));
    state = ['-s', h.path('state')];
  });
  afterAll(async () => h?.stop());

  it('syncs: Konnect holds the hash as given, and no output shows it', async () => {
    const result = await h.run(['sync', ...state, ...h.konnect, '--yes']);
    expect(result.code, result.out + result.err).toBe(0);
    expect(result.out + result.err).not.toContain(HASH);
    expect(await stored()).toEqual([HASH]);
    const writes = h.emulator.requestLog.filter((entry) => entry.method === 'POST' && entry.path.includes('/basic-auth'));
    expect(writes.map((entry) => entry.path.split('?')[1])).toEqual(['skip_hash=true']);
  });

  it('diff shows nothing, and a second sync is a no-op', async () => {
    const diff = await h.run(['diff', ...state, ...h.konnect]);
    expect(diff.code, diff.out + diff.err).toBe(0);
    const again = await h.run(['sync', ...state, ...h.konnect, '--yes', '--output', 'json']);
    expect(again.code, again.out + again.err).toBe(0);
    expect((parseJson(again.out) as { plan: { summary: { total: number } } }).plan.summary.total).toBe(0);
  });

  it('a rotated hash is detected (unlike a plain password) and applied from a saved plan, masked in every output', async () => {
    await h.write('state/payments.yaml', gatewayYaml({ hash: ROTATED }));
    const diff = await h.run(['diff', ...state, ...h.konnect, '--output', 'json']);
    expect(diff.code, diff.out + diff.err).toBe(2);
    expect(diff.out).toContain('alice-basic');
    expect(diff.out).not.toContain(HASH);
    expect(diff.out).not.toContain(ROTATED);
    const planned = await h.run(['plan', ...state, ...h.konnect, '--out', h.path('plan.json')]);
    expect(planned.code, planned.out + planned.err).toBe(2);
    const applied = await h.run(['apply', h.path('plan.json'), ...h.konnect]);
    expect(applied.code, applied.out + applied.err).toBe(0);
    expect(applied.out + applied.err).not.toContain(ROTATED);
    expect(await stored()).toEqual([ROTATED]);
    expect((await h.run(['diff', ...state, ...h.konnect])).code).toBe(0);
  });

  it('--skip-hash-for-basic-auth does the same for files that do not say so', async () => {
    await h.write('state/payments.yaml', gatewayYaml({ hash: HASH, info: false }));
    const diff = await h.run(['diff', ...state, ...h.konnect, '--skip-hash-for-basic-auth']);
    expect(diff.code, diff.out + diff.err).toBe(2);
    const result = await h.run(['sync', ...state, ...h.konnect, '--yes', '--skip-hash-for-basic-auth']);
    expect(result.code, result.out + result.err).toBe(0);
    expect(await stored()).toEqual([HASH]);
    // Without the flag the same text is a plain password: Konnect's hash of it is not compared, so no drift.
    expect((await h.run(['diff', ...state, ...h.konnect])).code).toBe(0);
  });

  it('dump leaves the stored hash out (salted with the consumer id), and the dump diffs clean', async () => {
    const dumped = await h.run(['dump', ...h.konnect, '--out', h.path('dumped')]);
    expect(dumped.code, dumped.out + dumped.err).toBe(0);
    const text = await readFile(h.path(`dumped/${CP}.yaml`), 'utf8');
    expect(text).not.toContain(HASH);
    const doc = parse(text) as { consumers: Array<Record<string, unknown>> };
    expect(doc.consumers.find((c) => c.username === 'alice')!.basicauth_credentials).toEqual([{ username: 'alice-basic' }]);
    const diff = await h.run(['diff', '-s', h.path('dumped'), ...h.konnect]);
    expect(diff.code, diff.out + diff.err).toBe(0);
  });

  it('without the flag a hash is a password like any other: Konnect hashes it again', async () => {
    await h.write('state/payments.yaml', gatewayYaml({ hash: HASH, info: false }).replace('alice-basic', 'alice-plain'));
    expect((await h.run(['sync', ...state, ...h.konnect, '--yes'])).code).toBe(0);
    const alice = (await h.api('GET', `/control-planes/${await controlPlaneId(h, CP)}/core-entities/consumers/alice`)) as { id: string };
    expect(await stored()).toEqual([sha1(`${HASH}${alice.id}`)]);
  });
});
