import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CP, platformYaml } from './states.js';
import { startHarness, type Harness } from './harness.js';

/** A decK file as decK users write it for Konnect: no `_konnect`, the control plane given by flag. */
const PLAIN_DECK = `_format_version: "3.0"
services:
  - name: plain
    host: plain.internal
    routes:
      - name: plain-route
        paths: [/plain]
`;

describe('a plain decK file without _konnect', () => {
  let h: Harness;
  let file: string;
  beforeAll(async () => {
    h = await startHarness();
    await h.write('platform.yaml', platformYaml());
    expect((await h.run(['sync', '-s', h.path('platform.yaml'), ...h.konnect, '--yes'])).code).toBe(0);
    file = await h.write('deck/kong.yaml', PLAIN_DECK);
  });
  afterAll(async () => h?.stop());

  it('validate passes and warns where its entities will go and how to choose', async () => {
    const result = await h.run(['validate', '-s', file]);
    expect(result.code, result.out + result.err).toBe(0);
    expect(result.err).toContain(`warning: ${file} names no control plane: its gateway entities go to the control plane "default", as in decK; name it with _konnect.control_plane_name, or pass --konnect-control-plane-name`);
    const named = await h.run(['validate', '-s', file, '--konnect-control-plane-name', CP]);
    expect(named.code).toBe(0);
    expect(named.err).toBe('');
  });

  it('diff says what to do, not "control_plane:default, at (scope)"; --output github annotates the file and line', async () => {
    const result = await h.run(['diff', '-s', file, ...h.konnect]);
    expect(result.code).toBe(1);
    expect(result.err).not.toContain('(scope)');
    expect(result.err).toContain(`${file}:3: service default/plain belongs to control plane "default", which is neither in the desired state nor in Konnect.`);
    expect(result.err).toContain('Name the control plane of its file with _konnect.control_plane_name');
    expect(result.err).toContain('--konnect-control-plane-name NAME');
    const github = await h.run(['diff', '-s', file, ...h.konnect, '--output', 'github']);
    expect(github.code).toBe(1);
    expect(github.out).toMatch(new RegExp(`^::error file=${file.replace(/[/.]/g, '\\$&')},line=3,col=5,title=konsync::`, 'm'));
  });

  it('--konnect-control-plane-name puts the file in that control plane for diff, plan, sync and dump', async () => {
    const flag = ['--konnect-control-plane-name', CP];
    const diff = await h.run(['diff', '-s', file, ...h.konnect, ...flag]);
    expect(diff.code, diff.out + diff.err).toBe(2);
    expect(diff.out).toContain(`${CP}/plain`);
    expect((await h.run(['plan', '-s', file, ...h.konnect, ...flag, '--out', h.path('plan.json')])).code).toBe(2);
    const sync = await h.run(['sync', '-s', file, ...h.konnect, ...flag, '--yes']);
    expect(sync.code, sync.out + sync.err).toBe(0);
    expect((await h.run(['diff', '-s', file, ...h.konnect, ...flag])).code).toBe(0);
    const dump = await h.run(['dump', ...h.konnect, ...flag, '--out', '-']);
    expect(dump.code, dump.err).toBe(0);
    expect(dump.out).toContain(`# ${CP}.yaml`);
    expect(dump.out).toContain('name: plain');
    expect(dump.out).not.toContain('# konnect.yaml');
  });

  it('a file naming another control plane than the flag is refused, as decK does', async () => {
    const other = await h.write('deck/other.yaml', `_konnect: { control_plane_name: elsewhere }\n${PLAIN_DECK}`);
    const result = await h.run(['diff', '-s', other, ...h.konnect, '--konnect-control-plane-name', CP]);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`other.yaml:1:13: _konnect.control_plane_name: --konnect-control-plane-name ${CP} differs from _konnect.control_plane_name "elsewhere"`);
  });

  it('a typo in the control plane name gets a "did you mean" from live state', async () => {
    const typo = await h.write('deck/typo.yaml', `_konnect: { control_plane_name: e2e-paymnts }\n${PLAIN_DECK}`);
    const result = await h.run(['diff', '-s', typo, ...h.konnect]);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`belongs to control plane "e2e-paymnts", which is neither in the desired state nor in Konnect (did you mean "${CP}"?)`);
  });

  it('dump of a control plane that does not exist is an error with a "did you mean", not an empty file naming it', async () => {
    const result = await h.run(['dump', ...h.konnect, '--konnect-control-plane-name', 'e2e-paymnts', '--out', '-']);
    expect(result.code).toBe(1);
    expect(result.out).not.toContain('e2e-paymnts.yaml');
    expect(result.err).toContain(`no control plane named "e2e-paymnts" in Konnect (did you mean "${CP}"?)`);
  });
});
