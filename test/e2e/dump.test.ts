import { readdir, readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CP, mustSync, writePaymentsState } from './states.js';
import { SECRET, startHarness, type Harness } from './harness.js';

describe('dump', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    const state = await writePaymentsState(h, { secretPlugin: true, services: [{ name: 'orders', retries: 3, tags: ['team-a'] }, { name: 'billing', tags: ['team-a'] }] });
    await mustSync(h, state);
  });
  afterAll(async () => h?.stop());

  it('writes a platform file and one decK-format file per control plane, without ids', async () => {
    const result = await h.run(['dump', ...h.konnect, '--out', h.path('dumped')]);
    expect(result.code, result.out + result.err).toBe(0);
    const files = (await readdir(h.path('dumped'))).sort();
    expect(files).toEqual(['e2e-payments.yaml', 'konnect.yaml']);
    const gateway = parse(await readFile(h.path(`dumped/${CP}.yaml`), 'utf8')) as Record<string, unknown>;
    expect(gateway._format_version).toBe('3.0');
    expect(gateway._konnect).toEqual({ control_plane_name: CP });
    expect(JSON.stringify(gateway)).not.toMatch(/"id":/);
    const platform = parse(await readFile(h.path('dumped/konnect.yaml'), 'utf8')) as { control_planes: Array<{ name: string }> };
    expect(platform.control_planes.map((cp) => cp.name)).toContain(CP);
  });

  it('writes DECK_ values back as ${{ env }} references, never in clear', async () => {
    const text = await readFile(h.path(`dumped/${CP}.yaml`), 'utf8');
    expect(text).not.toContain(SECRET);
    expect(text).toContain('${{ env "DECK_E2E_SECRET" }}');
  });

  it('dump, then diff against the same live state: no changes', async () => {
    const result = await h.run(['diff', '-s', h.path('dumped'), ...h.konnect]);
    expect(result.err).toBe('');
    expect(result.code, result.out + result.err).toBe(0);
  });

  it('--with-id writes ids; the files still diff clean', async () => {
    expect((await h.run(['dump', ...h.konnect, '--out', h.path('with-id'), '--with-id'])).code).toBe(0);
    expect(await readFile(h.path(`with-id/${CP}.yaml`), 'utf8')).toMatch(/\bid: [0-9a-f-]{36}/);
    expect((await h.run(['diff', '-s', h.path('with-id'), ...h.konnect])).code).toBe(0);
  });

  it('--select-tag writes _info.select_tags and strips the tag from entities', async () => {
    const result = await h.run(['dump', ...h.konnect, '--select-tag', 'team-a', '--control-plane', CP, '--out', '-']);
    expect(result.code, result.out + result.err).toBe(0);
    expect(result.out).toContain('select_tags');
    const doc = parse(result.out.replace(/^#.*\n/, '')) as { _info: { select_tags: string[] }; services: Array<{ name: string; tags?: string[] }> };
    expect(doc._info.select_tags).toEqual(['team-a']);
    expect(doc.services.every((service) => !(service.tags ?? []).includes('team-a'))).toBe(true);
  });

  it('--skip-defaults leaves out what Konnect fills in, and still diffs clean', async () => {
    expect((await h.run(['dump', ...h.konnect, '--out', h.path('lean'), '--skip-defaults'])).code).toBe(0);
    const text = await readFile(h.path(`lean/${CP}.yaml`), 'utf8');
    expect(text).not.toContain('read_timeout');
    expect((await h.run(['diff', '-s', h.path('lean'), ...h.konnect])).code).toBe(0);
  });

  it('--output json lists the documents', async () => {
    const result = await h.run(['dump', ...h.konnect, '--output', 'json']);
    expect(result.code, result.out + result.err).toBe(0);
    const body = JSON.parse(result.out) as { documents: Array<{ file: string }> };
    expect(body.documents.map((d) => d.file)).toContain('konnect.yaml');
  });
});
