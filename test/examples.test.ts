import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Command } from 'commander';
import { buildProgram } from '../src/cli/commands/index.js';
import { startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { gatewayYaml, platformYaml } from './e2e/states.js';
import { installedKonsync, type Installed } from './support/packed.js';
import { readWorkflow, runJob, writeGhStub, type WorkflowContext } from './support/workflow.js';
import { run as spawnAsync } from './support/spawn.js';

const DIR = 'examples';
const PRE_MERGE = join(DIR, 'github-actions-pre-merge.yml');
const DEPLOY = join(DIR, 'github-actions-deploy.yml');
const HEAD_SHA = 'a'.repeat(40);

/** Every string in a parsed YAML document (run: steps, container args...). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

/** The shell text of an example: YAML values (comments dropped), or non-comment lines. */
function shellText(file: string): string[] {
  const text = readFileSync(join(DIR, file), 'utf8');
  if (/\.ya?ml$/.test(file)) return strings(parse(text));
  return text.split('\n').filter((line) => !line.trimStart().startsWith('#'));
}

/** `konsync <command> --flag ...` up to the next shell operator. */
function uses(file: string): Array<{ file: string; command: string; flags: string[] }> {
  const found: Array<{ file: string; command: string; flags: string[] }> = [];
  for (const text of shellText(file)) {
    for (const match of text.matchAll(/\bkonsync\s+([a-z][a-z-]*)([^|;&>\n]*)/g)) {
      const flags = (match[2] ?? '').split(/\s+/).filter((token) => token.startsWith('-') && token !== '-').map((token) => token.split('=')[0]!);
      found.push({ file, command: match[1]!, flags });
    }
  }
  return found;
}

const files = readdirSync(DIR).sort();

describe('examples/: what they run exists, and konsync is never installed by its unpublished npm name', () => {
  const all = files.flatMap(uses);
  const program = buildProgram();
  it.each(all.map((use) => [use.file, `${use.command} ${use.flags.join(' ')}`.trim(), use] as const))('%s: konsync %s exists', (_file, _shown, use) => {
    const command = program.commands.find((c: Command) => c.name() === use.command);
    expect(command, `no command ${use.command}`).toBeDefined();
    const known = new Set(['--help', '-h', ...command!.options.flatMap((option) => [option.long, option.short].filter((x): x is string => x !== undefined))]);
    for (const flag of use.flags) expect(known.has(flag), `konsync ${use.command} has no ${flag}`).toBe(true);
  });

  it.each(files)('%s installs a pinned, verifiable artefact', (file) => {
    const text = shellText(file).join('\n');
    expect(text).not.toMatch(/npm[ \t]+(i|install)\b[^\n]*[ \t]konsync(@[\w.^~-]+)?([ \t]|$)/m);
    expect(text).not.toMatch(/npx\b[^\n]*\bkonsync\b/);
    for (const ref of text.matchAll(/[\w.-]+\/konsync@(\S+)/g)) expect(ref[1], 'the action is pinned by commit').toMatch(/^[0-9a-f]{40}$/);
    if (/npm\s+(i|install)\b[^\n]*\.tgz/.test(text)) expect(text).toMatch(/sha256sum -c/);
  });
});

describe('examples/ run against the emulator', () => {
  let emulator: RunningEmulator;
  let pkg: Installed;
  let root: string;
  let tokenFile: string;
  beforeAll(async () => {
    pkg = installedKonsync();
    emulator = await startEmulator({ port: 0, provisionMs: 30 });
    root = mkdtempSync(join(tmpdir(), 'konsync-examples-'));
    tokenFile = join(root, 'token');
    writeFileSync(tokenFile, emulator.token);
    mkdirSync(join(root, 'stubs'));
    writeGhStub(join(root, 'stubs'));
    writeFileSync(join(root, 'stubs', 'mail'), '#!/bin/sh\necho "mail $*" >> "$MAIL_LOG"; cat >> "$MAIL_LOG"\n', { mode: 0o755 });
    writeFileSync(join(root, 'stubs', 'git'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  }, 400_000);
  afterAll(async () => {
    await emulator?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  let runs = 0;
  const toolCache = {};
  /** A checkout holding konnect/ with a control plane and two services: drift against an empty emulator. */
  function checkout(token = emulator.token): WorkflowContext {
    const workspace = join(root, `workspace-${++runs}`);
    mkdirSync(join(workspace, 'konnect'), { recursive: true });
    writeFileSync(join(workspace, 'konnect', 'platform.yaml'), platformYaml());
    writeFileSync(join(workspace, 'konnect', 'payments.yaml'), gatewayYaml());
    const ghLog = join(workspace, '.gh.log');
    writeFileSync(ghLog, '');
    return {
      workspace,
      artifacts: join(root, 'artifacts'),
      secrets: { KONNECT_TOKEN: token, DECK_PAYMENTS_SHARED_SECRET: 'not-used-here' },
      github: { token: 'gh-token', sha: 'b'.repeat(40), event: { pull_request: { number: 7, head: { sha: HEAD_SHA } } } },
      env: { PATH: `${join(root, 'stubs')}:${process.env.PATH}`, HOME: process.env.HOME, KONNECT_ADDR: emulator.url, GH_HEAD_SHA: HEAD_SHA },
      pkg,
      ghLog,
      toolCache,
    };
  }
  const comments = (context: WorkflowContext) => [...readFileSync(context.ghLog, 'utf8').matchAll(/--- comment\n([\s\S]*?)--- end/g)].map((m) => m[1]!);

  it('pre-merge, bad token: the plan step fails the job (exit 1 is an error, not "changes") and nothing is commented', { timeout: 300_000 }, async () => {
    const context = checkout('kpat_wrong_token_0123456789');
    const results = await runJob(readWorkflow(PRE_MERGE).plan!, context);
    const last = results.at(-1)!;
    expect(last.name).toMatch(/^Plan/);
    expect(last.code).toBe(1);
    expect(last.stderr + last.stdout).toMatch(/401|token/i);
    expect(comments(context)).toEqual([]);
  });

  it('pre-merge, drift: validate, plan, artifact, and the comment body is the saved plan rendered as markdown', { timeout: 300_000 }, async () => {
    const context = checkout();
    const results = await runJob(readWorkflow(PRE_MERGE).plan!, context);
    for (const result of results) expect(result.code, `${result.name}: ${result.stdout}${result.stderr}`).toBe(0);
    const plan = results.find((result) => result.name.startsWith('Plan'))!;
    expect(plan.outputs.changes).toBe('true');
    expect(plan.outputs['exit-code']).toBe('2');
    expect(plan.stdout).toMatch(/::notice|::warning/);
    const artifact = join(context.artifacts, `konnect-plan-${HEAD_SHA}`, 'plan.json');
    expect(existsSync(artifact)).toBe(true);
    const shown = await spawnAsync(pkg.bin, ['show', artifact, '--output', 'markdown']);
    expect(shown.code).toBe(2);
    expect(comments(context)).toEqual([`${shown.stdout.trimEnd()}\n`]);
    expect(comments(context)[0]).toContain('e2e-payments');
  });

  it('deploy applies the reviewed plan from the artifact; the next pre-merge finds no changes and comments nothing', { timeout: 300_000 }, async () => {
    const deploy = checkout();
    const results = await runJob(readWorkflow(DEPLOY).apply!, deploy);
    for (const result of results) expect(result.code, `${result.name}: ${result.stdout}${result.stderr}`).toBe(0);
    expect(readFileSync(deploy.ghLog, 'utf8')).toContain(`gh run download 4242 --name konnect-plan-${HEAD_SHA}`);
    const again = checkout();
    const premerge = await runJob(readWorkflow(PRE_MERGE).plan!, again);
    for (const result of premerge) expect(result.code, `${result.name}: ${result.stdout}${result.stderr}`).toBe(0);
    expect(premerge.find((result) => result.name.startsWith('Plan'))!.outputs.changes).toBe('false');
    expect(comments(again)).toEqual([]);
  });

  it('crontab: the JSON report stays JSON with stderr busy (KONSYNC_LOG=debug); drift sends mail', { timeout: 120_000 }, async () => {
    const context = checkout();
    writeFileSync(join(context.workspace, 'konnect', 'payments.yaml'), gatewayYaml({ services: [{ name: 'orders', retries: 9 }] }));
    const logs = join(context.workspace, 'logs');
    mkdirSync(logs);
    const line = readFileSync(join(DIR, 'crontab'), 'utf8').split('\n').find((text) => /^\d|^\*/.test(text))!;
    const command = line
      .split(/\s+/)
      .slice(5)
      .join(' ')
      .replaceAll('/srv/konnect-config', context.workspace)
      .replaceAll('/etc/konsync/token', tokenFile)
      .replaceAll('/var/log/konsync', logs);
    const mailLog = join(logs, 'mail.log');
    const result = await spawnAsync('sh', ['-c', command], {
      env: { PATH: `${pkg.binDir}:${join(root, 'stubs')}:${process.env.PATH}`, KONNECT_ADDR: emulator.url, KONSYNC_LOG: 'debug', MAIL_LOG: mailLog },
    });
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(logs, 'drift.json'), 'utf8')) as { summary: { total: number } };
    expect(report.summary.total).toBeGreaterThan(0);
    expect(readFileSync(join(logs, 'drift.err'), 'utf8')).toContain('konsync: GET');
    expect(readFileSync(mailLog, 'utf8')).toContain('konnect drift (exit 2)');
  });

  it('CronJob: installs the tarball only when its sha256 matches, then diff prints JSON and exits 2 on drift', { timeout: 300_000 }, async () => {
    const context = checkout();
    writeFileSync(join(context.workspace, 'konnect', 'payments.yaml'), gatewayYaml({ services: [{ name: 'orders', retries: 7 }] }));
    const doc = parse(readFileSync(join(DIR, 'drift-cronjob.yaml'), 'utf8')) as {
      spec: { jobTemplate: { spec: { template: { spec: { containers: Array<{ args: string[] }> } } } } };
    };
    const script = doc.spec.jobTemplate.spec.template.spec.containers[0]!.args[0]!.replaceAll('/tools/konsync.tgz', pkg.tarball).replaceAll('/secrets/konnect-token', tokenFile);
    const sha = createHash('sha256').update(readFileSync(pkg.tarball)).digest('hex');
    const run = (checksum: string, prefix: string) =>
      spawnAsync('sh', ['-c', script], {
        cwd: context.workspace,
        env: { PATH: `${join(prefix, 'bin')}:${process.env.PATH}`, HOME: process.env.HOME, KONSYNC_SHA256: checksum, KONNECT_ADDR: emulator.url, npm_config_prefix: prefix, npm_config_offline: 'true', npm_config_update_notifier: 'false' },
      });
    const tampered = await run('0'.repeat(64), join(context.workspace, 'prefix-bad'));
    expect(tampered.code).not.toBe(0);
    expect(existsSync(join(context.workspace, 'prefix-bad', 'bin', 'konsync'))).toBe(false);
    const good = await run(sha, join(context.workspace, 'prefix'));
    expect(good.code, good.stderr).toBe(2);
    expect((JSON.parse(good.stdout) as { summary: { total: number } }).summary.total).toBeGreaterThan(0);
  });
});
