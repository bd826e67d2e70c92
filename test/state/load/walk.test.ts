import { mkdtemp, mkdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors.js';
import { loadState } from '../../../src/state/load/index.js';
import { readStateFiles } from '../../../src/state/load/read-files.js';
import { looksLikePlan, stateLikeness } from '../../../src/state/load/state-likeness.js';
import { keys, yaml } from './helpers.js';

async function tree(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'konsync-walk-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

const WORKFLOW = yaml('name: konsync', 'on: [pull_request]', 'jobs:', '  diff:', '    runs-on: ubuntu-latest', '    steps:', '      - run: echo ${{ secrets.KONNECT_TOKEN }}');
const PLAN = JSON.stringify({ format: 'konsync/plan@1', geo: 'us', operations: [{ id: 'x', after: { header: '${{ env "DECK_X" }} ${{ secrets.Y }}' } }] }, null, 2);
const COMPOSE = yaml('services:', '  web:', '    image: nginx');
const TSCONFIG = '{\n  // comments, as tsconfig allows\n  "compilerOptions": { "plugins": [] },\n  "include": ["src"],\n}\n';
const STATE = yaml('_konnect: {control_plane_name: cp}', 'services: [{name: a, host: h}]');

/** A repository with state under konnect/ and everything else a repository holds. */
const REPO = {
  '.github/workflows/diff.yml': WORKFLOW,
  '.git/config.json': '{"services": []}',
  'node_modules/pkg/state.yaml': STATE,
  'examples/pre-merge.yml': WORKFLOW,
  'docker-compose.yml': COMPOSE,
  'package.json': '{"name": "x", "version": "1.0.0", "scripts": {}}',
  'tsconfig.json': TSCONFIG,
  'plan.json': PLAN,
  'k8s.yaml': yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: x}'),
  '.hidden.yaml': STATE,
  'konnect/gateway.yaml': STATE,
  'konnect/platform.json': '{"control_planes": [{"name": "cp"}]}',
};

describe('directory walks', () => {
  it('read only state: no dot-directories, node_modules, plan files, workflows, package.json, compose files', async () => {
    const root = await tree(REPO);
    const state = await loadState([root], { env: {} });
    expect(state.files.map((f) => f.slice(root.length + 1))).toEqual(['konnect/gateway.yaml', 'konnect/platform.json']);
    expect(keys(state)).toEqual(['control_plane:cp', 'service:cp/a']);
    expect(state.skipped!.map((f) => f.slice(root.length + 1))).toEqual(['docker-compose.yml', 'examples/pre-merge.yml', 'k8s.yaml', 'package.json', 'plan.json', 'tsconfig.json']);
  });

  it('a walk that finds only files that are not state says so', async () => {
    const root = await tree({ 'plan.json': PLAN, 'package.json': '{"name": "x"}' });
    const error = await loadState([root], { env: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toContain('nothing to load: 2 files found');
    expect((error as ValidationError).message).toContain('name a file with -s to read it anyway');
  });

  it('reads files named explicitly whatever they look like; a named plan file is refused with what to do', async () => {
    const root = await tree(REPO);
    await expect(loadState([join(root, 'package.json')], { env: {} })).rejects.toThrow(/package\.json:1:2: name: unknown key "name"/);
    await expect(loadState([join(root, '.hidden.yaml')], { env: {} })).resolves.toMatchObject({ files: [join(root, '.hidden.yaml')] });
    const error = await loadState([join(root, 'konnect'), join(root, 'plan.json')], { env: {} }).catch((e: unknown) => e);
    expect((error as ValidationError).problems).toEqual([
      { file: join(root, 'plan.json'), message: 'this is a konsync plan file, not a state file', hint: 'apply it with `konsync apply FILE`, or leave it out of -s' },
    ]);
  });

  it('reads a file once however it is reached: twice by name, by directory and by name, through a symlink', async () => {
    const root = await tree({ 'konnect/gateway.yaml': STATE });
    await symlink(join(root, 'konnect/gateway.yaml'), join(root, 'konnect/link.yaml'));
    const file = join(root, 'konnect/gateway.yaml');
    const { inputs } = await readStateFiles([file, join(root, 'konnect'), file, join(root, 'konnect/link.yaml'), join(root, 'konnect/../konnect')]);
    expect(inputs.map((input) => input.path)).toEqual([file]);
    // Read twice, the service would be "declared twice".
    expect(keys(await loadState([file, join(root, 'konnect')], { env: {} }))).toEqual(['service:cp/a']);
  });

  it('symlink loops neither hang a walk nor pass unreported when named', async () => {
    const root = await tree({ 'a/gateway.yaml': STATE });
    await symlink(join(root, 'a'), join(root, 'a/loop'));
    await symlink(join(root, 'a/self.yaml'), join(root, 'a/self.yaml'));
    expect((await readStateFiles([root])).inputs.map((input) => input.path)).toEqual([join(root, 'a/gateway.yaml')]);
    await expect(loadState([join(root, 'a/self.yaml')], { env: {} })).rejects.toThrow('self.yaml:1:1: symbolic link loop');
  });
});

describe('stateLikeness', () => {
  it.each([
    ['state.yaml', 'state', STATE],
    ['state.yaml', 'state', yaml('_format_version: "3.0"', 'servces: []')],
    ['state.yaml', 'state', yaml('# comment', '---', 'services:', '- name: a')],
    ['state.yaml', 'state', yaml('services:', '  - name: a')],
    ['state.yaml', 'state', yaml('cloud_gateways:', '  networks: []')],
    ['state.yaml', 'state', yaml('"control_planes": [{name: a}]')],
    ['state.yaml', 'state', ''],
    ['state.yaml', 'state', '{"services": []}'],
    ['flow.yaml', 'state', '{services: []}'],
    ['next-line.yaml', 'state', yaml('control_planes:', '  []')],
    ['bad.json', 'state', '{"services": ['],
    ['state.json', 'state', '{"_format_version": "3.0"}'],
    ['plan.json', 'plan', PLAN],
    ['plan.yaml', 'plan', PLAN],
    ['ci.yml', 'other', WORKFLOW],
    ['docker-compose.yml', 'other', COMPOSE],
    ['list.yaml', 'other', yaml('- a', '- b')],
    ['package.json', 'other', '{"name": "x"}'],
    ['tsconfig.json', 'other', TSCONFIG],
    ['array.json', 'other', '[1, 2]'],
  ])('%s → %s', (path, expected, text) => {
    expect(stateLikeness(path, text)).toBe(expected);
  });
});

describe('looksLikePlan', () => {
  it('recognises the head konsync writes, not a state file mentioning the marker', () => {
    expect(looksLikePlan(PLAN)).toBe(true);
    expect(looksLikePlan(`\uFEFF${PLAN}`)).toBe(true);
    expect(looksLikePlan('{"services": [{"name": "konsync/plan@1", "format": "konsync/plan@1"}]}')).toBe(false);
    expect(looksLikePlan(STATE)).toBe(false);
  });
});
