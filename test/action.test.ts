import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { gatewayYaml, platformYaml } from './e2e/states.js';
import { installedKonsync, type Installed } from './support/packed.js';
import { runAction, type WorkflowContext } from './support/workflow.js';

interface ActionFile {
  runs: { using: string; steps: Array<{ uses?: string; with?: Record<string, unknown>; run?: string; shell?: string; id?: string }> };
  inputs: Record<string, unknown>;
  outputs: Record<string, { value: string }>;
}

describe('action.yml', () => {
  const action = parse(readFileSync('action.yml', 'utf8')) as ActionFile;

  it('is a composite action on Node 20 whose steps are the scripts the tests run', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps[0]).toMatchObject({ uses: 'actions/setup-node@v4', with: { 'node-version': 20 } });
    expect(action.runs.steps.map((step) => step.run).filter(Boolean)).toEqual(['bash "$GITHUB_ACTION_PATH/action/install.sh"', 'bash "$GITHUB_ACTION_PATH/action/run.sh"']);
    for (const name of ['changes', 'plan-file', 'comment-body', 'exit-code']) expect(action.outputs[name]?.value).toBe(`\${{ steps.run.outputs.${name} }}`);
    expect(readFileSync('action/install.sh', 'utf8')).not.toMatch(/npm (i|install)[^\n]* konsync(\s|$)/);
  });
});

describe('the action against the emulator', () => {
  let emulator: RunningEmulator;
  let pkg: Installed;
  let root: string;
  let runs = 0;
  const toolCache = {};
  beforeAll(async () => {
    pkg = installedKonsync();
    emulator = await startEmulator({ port: 0, provisionMs: 30 });
    root = mkdtempSync(join(tmpdir(), 'konsync-action-'));
  }, 400_000);
  afterAll(async () => {
    await emulator?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  function context(): WorkflowContext {
    const workspace = join(root, `ws-${++runs}`);
    mkdirSync(join(workspace, 'konnect'), { recursive: true });
    writeFileSync(join(workspace, 'konnect', 'platform.yaml'), platformYaml({ extraPlanes: ['action-test'] }));
    writeFileSync(join(workspace, 'konnect', 'payments.yaml'), gatewayYaml());
    return { workspace, artifacts: join(root, 'artifacts'), secrets: {}, github: {}, env: {}, pkg, ghLog: join(workspace, 'gh.log'), toolCache };
  }
  const env = (token = emulator.token) => ({ PATH: process.env.PATH, HOME: process.env.HOME, KONNECT_ADDR: emulator.url, KONNECT_TOKEN: token });

  it('refuses a tarball whose sha256 differs, installing nothing', { timeout: 120_000 }, async () => {
    const result = await runAction({ command: 'validate', 'tarball-sha256': 'f'.repeat(64) }, context(), env());
    expect(result.name).toBe('install');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('expected ffff');
  });

  it('plan: exit 0 with changes=true, the plan file, and the comment body rendered from it; show gives the same body', { timeout: 120_000 }, async () => {
    const ctx = context();
    const planned = await runAction({ command: 'plan', 'plan-file': 'out.json' }, ctx, env());
    expect(planned.code, planned.stdout + planned.stderr).toBe(0);
    expect(planned.outputs).toMatchObject({ changes: 'true', 'plan-file': 'out.json', 'exit-code': '2' });
    expect(planned.outputs['comment-body']).toContain('action-test');
    const shown = await runAction({ command: 'show', 'plan-file': 'out.json' }, ctx, env());
    expect(shown.code).toBe(0);
    expect(shown.outputs['comment-body']).toBe(planned.outputs['comment-body']);
  });

  it('fail-on-changes: true makes changes exit 2 (a drift check)', { timeout: 120_000 }, async () => {
    const result = await runAction({ command: 'diff', 'fail-on-changes': 'true' }, context(), env());
    expect(result.code).toBe(2);
    expect(result.outputs.changes).toBe('true');
  });

  it('a bad token: exit 1, no changes output', { timeout: 120_000 }, async () => {
    const result = await runAction({ command: 'diff' }, context(), env('kpat_not_the_token_0123456'));
    expect(result.code).toBe(1);
    expect(result.outputs['exit-code']).toBe('1');
    expect(result.outputs.changes).toBeUndefined();
  });

  it('validate: invalid files exit 1 naming file:line', { timeout: 120_000 }, async () => {
    const ctx = context();
    writeFileSync(join(ctx.workspace, 'konnect', 'broken.yaml'), 'control_planes:\n  - nmae: x\n');
    const result = await runAction({ command: 'validate' }, ctx, env());
    expect(result.code).toBe(1);
    expect(result.stderr + result.stdout).toContain('broken.yaml:2');
  });

  it('apply: applies the plan; the next diff reports changes=false', { timeout: 180_000 }, async () => {
    const ctx = context();
    expect((await runAction({ command: 'plan', 'plan-file': 'p.json' }, ctx, env())).code).toBe(0);
    const applied = await runAction({ command: 'apply', 'plan-file': 'p.json' }, ctx, env());
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    const after = await runAction({ command: 'diff' }, ctx, env());
    expect(after.code).toBe(0);
    expect(after.outputs.changes).toBe('false');
  });
});
