import { symlink, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayYaml, platformYaml } from './states.js';
import { startHarness, type Harness } from './harness.js';

const WORKFLOW = `name: konnect
on: [pull_request]
jobs:
  diff:
    runs-on: ubuntu-latest
    steps:
      - run: konsync diff -s . --output markdown > diff.md
        env: { KONNECT_TOKEN: "\${{ secrets.KONNECT_TOKEN }}" }
`;

describe('-s . in a repository', () => {
  let h: Harness;
  let repo: string;
  beforeAll(async () => {
    h = await startHarness();
    repo = h.path('repo');
    await h.write('repo/.github/workflows/konnect.yml', WORKFLOW);
    await h.write('repo/ci/pre-merge.yml', WORKFLOW);
    await h.write('repo/package.json', '{"name": "infra", "version": "1.0.0", "scripts": {"diff": "konsync diff -s ."}}\n');
    await h.write('repo/node_modules/dep/fixture.yaml', gatewayYaml({ services: [{ name: 'not-mine' }] }));
    await h.write('repo/konnect/platform.yaml', platformYaml());
    await h.write('repo/konnect/payments.yaml', gatewayYaml({ secretPlugin: true }));
  });
  afterAll(async () => h?.stop());

  it('syncs, plans into the repository, and diff still runs next to its own plan and reports', async () => {
    expect((await h.run(['sync', '-s', repo, ...h.konnect, '--yes'])).code).toBe(0);
    await h.write('repo/konnect/payments.yaml', gatewayYaml({ secretPlugin: true, services: [{ name: 'orders', retries: 2 }, { name: 'billing' }] }));
    const planned = await h.run(['plan', '-s', repo, ...h.konnect, '--out', `${repo}/plan.json`]);
    expect(planned.code, planned.out + planned.err).toBe(2);
    const report = await h.run(['diff', '-s', repo, ...h.konnect, '--output', 'json']);
    await writeFile(`${repo}/diff.json`, report.out);
    const diff = await h.run(['diff', '-s', repo, ...h.konnect]);
    expect(diff.code, diff.out + diff.err).toBe(2);
    expect(diff.out).toContain('orders');
    expect((await h.run(['apply', `${repo}/plan.json`, ...h.konnect])).code).toBe(0);
    const after = await h.run(['diff', '-s', repo, ...h.konnect]);
    expect(after.code, after.out + after.err).toBe(0);
  });

  it('validate lists what it read; a plan named with -s is refused with what to do', async () => {
    const valid = await h.run(['validate', '-s', repo]);
    expect(valid.code, valid.out + valid.err).toBe(0);
    expect(valid.out).toContain('✓ 2 files valid: 1 control plane, 8 entities (4 files found that are not state: skipped)');
    const json = JSON.parse((await h.run(['validate', '-s', repo, '--output', 'json'])).out) as { skipped: string[] };
    expect(json.skipped.map((file) => file.slice(repo.length + 1))).toEqual(['ci/pre-merge.yml', 'diff.json', 'package.json', 'plan.json']);
    const named = await h.run(['validate', '-s', repo, '-s', `${repo}/plan.json`]);
    expect(named.code).toBe(1);
    expect(named.out).toContain('plan.json:1:1: this is a konsync plan file, not a state file (apply it with `konsync apply FILE`, or leave it out of -s)');
  });
});

describe('custom plugin code files', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.stop());

  const plugin = (handler: string) => `_konnect: { control_plane_name: cp }
_info: { include_plugin_definitions: true }
custom_plugins:
  - name: x
    handler_file: ${handler}
    schema: 'return { name = "x", fields = {} }'
`;

  it('refuses a handler_file outside the state file\'s directory, and a symlink to /etc/passwd, before any request', async () => {
    const file = await h.write('repo/konnect/gw.yaml', plugin('../../secret.lua'));
    await h.write('secret.lua', 'return {}');
    const escaped = await h.run(['diff', '-s', file, ...h.konnect]);
    expect(escaped.code).toBe(1);
    expect(escaped.err).toContain(`gw.yaml:5:5: custom_plugins[0].handler_file: ../../secret.lua is outside ${h.path('repo/konnect')}`);

    await symlink('/etc/passwd', h.path('repo/konnect/handler.lua'));
    await h.write('repo/konnect/gw.yaml', plugin('handler.lua'));
    const linked = await h.run(['validate', '-s', file]);
    expect(linked.code).toBe(1);
    expect(linked.out).toContain(`gw.yaml:5:5: custom_plugins[0].handler_file: ${h.path('repo/konnect/handler.lua')} resolves to /etc/passwd, outside`);
    expect(h.emulator.requestLog).toEqual([]);
  });
});
