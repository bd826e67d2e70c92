// Runs GitHub Actions workflow jobs and konsync's own action (action.yml) locally: `run:` steps with bash as GitHub
// does (`bash -eo pipefail`), `${{ }}` expressions from a small context, the konsync action through its scripts,
// artifacts in a directory, and `gh` replaced by a stub that records comments and serves artifacts.
import { run } from './spawn.js';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, join, resolve } from 'node:path';
import { parse } from 'yaml';
import type { Installed } from './packed.js';

export interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string | number | boolean>;
  env?: Record<string, string>;
}

export interface Job {
  env?: Record<string, string>;
  steps: Step[];
}

export interface StepResult {
  name: string;
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
}

export interface WorkflowContext {
  /** The checkout: steps run here. */
  workspace: string;
  /** Uploaded artifacts, one directory each. */
  artifacts: string;
  /** `secrets.X` */
  secrets: Record<string, string>;
  /** `github.*` */
  github: Record<string, unknown>;
  /** Extra environment for every step (KONNECT_ADDR for the emulator, stubs on PATH). */
  env: Record<string, string | undefined>;
  pkg: Installed;
  /** What the `gh` stub was asked, one line per call, and comment bodies. */
  ghLog: string;
  /** Set by the first action step of a job: later ones reuse the install (a runner keeps the tool cache too). */
  installed?: string[];
  /**
   * Shared by the contexts of one test file: the first install of the packed tarball is reused by later jobs, as a
   * runner's tool cache would (each install costs seconds). Not used when the inputs name their own tarball or sha256.
   */
  toolCache?: { installed?: string[] };
}

const ROOT = resolve('.');
const ACTION = /^[\w.-]+\/konsync@([0-9a-f]{40})$/;

export function readWorkflow(file: string): Record<string, Job> {
  return (parse(readFileSync(file, 'utf8')) as { jobs: Record<string, Job> }).jobs;
}

function lookup(path: string, context: Record<string, unknown>): string {
  let node: unknown = context;
  for (const part of path.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  return node === undefined || node === null ? '' : String(node);
}

/** `a.b.c`, `a.b == 'x'`, `a.b != 'x'`: what the examples use. */
function evaluate(expression: string, context: Record<string, unknown>): string {
  const comparison = /^(.+?)\s*(==|!=)\s*'(.*)'$/.exec(expression.trim());
  if (comparison) return String((lookup(comparison[1]!.trim(), context) === comparison[3]) === (comparison[2] === '=='));
  return lookup(expression.trim(), context);
}

const substitute = (text: string, context: Record<string, unknown>) => text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_all, expression: string) => evaluate(expression, context));

function parseOutputs(file: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  if (!existsSync(file)) return outputs;
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const multi = /^([\w-]+)<<(.+)$/.exec(line);
    if (multi) {
      const end = lines.indexOf(multi[2]!, i + 1);
      outputs[multi[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}

let counter = 0;

function bash(script: string, env: Record<string, string | undefined>, cwd: string) {
  return run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd, env });
}

/** The `gh` stub: records calls; `run list` and `pr list` answer ids; `run download -n NAME` copies an artifact. */
export function writeGhStub(dir: string): string {
  const stub = join(dir, 'gh');
  writeFileSync(
    stub,
    `#!/usr/bin/env bash
echo "gh $*" >> "$GH_LOG"
case "$1 $2" in
  "pr comment") while [ $# -gt 0 ]; do if [ "$1" = "--body-file" ]; then echo "--- comment" >> "$GH_LOG"; cat "$2" >> "$GH_LOG"; echo "--- end" >> "$GH_LOG"; fi; shift; done ;;
  "pr list") echo "$GH_HEAD_SHA" ;;
  "run list") echo 4242 ;;
  "run download") while [ $# -gt 0 ]; do if [ "$1" = "--name" ] || [ "$1" = "-n" ]; then cp -R "$GH_ARTIFACTS/$2/." .; fi; shift; done ;;
esac
`,
    { mode: 0o755 },
  );
  return dir;
}

/** Runs konsync's action as the composite does: install.sh (with the packed tarball), then run.sh with its inputs. */
export async function runAction(inputs: Record<string, string>, context: WorkflowContext, env: Record<string, string | undefined>): Promise<StepResult> {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> };
  const outputFile = join(context.workspace, `.github-output-${++counter}`);
  const pathFile = join(context.workspace, `.github-path-${counter}`);
  const inputEnv: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) inputEnv[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] = inputs[name] ?? spec.default ?? '';
  const base = { ...env, ...inputEnv, GITHUB_ACTION_PATH: ROOT, GITHUB_OUTPUT: outputFile, GITHUB_PATH: pathFile, RUNNER_TEMP: join(context.workspace, '.runner-temp') };
  mkdirSync(base.RUNNER_TEMP, { recursive: true });
  const cache = inputs.tarball === undefined && inputs['tarball-sha256'] === undefined ? context.toolCache : undefined;
  context.installed ??= cache?.installed;
  if (context.installed === undefined) {
    const install = await installAction(inputs, context, base);
    if (install.code !== 0) return { name: 'install', ...install, outputs: {} };
    context.installed = readFileSync(pathFile, 'utf8').trim().split('\n').filter(Boolean);
    if (cache) cache.installed = context.installed;
  }
  const ran = await bash(`bash "${ROOT}/action/run.sh"`, { ...base, PATH: [...context.installed, env.PATH].join(':') }, context.workspace);
  return { name: 'run', ...ran, outputs: parseOutputs(outputFile) };
}

/** action/install.sh with the packed tarball (its sha256 unless the inputs give one), offline. */
export function installAction(inputs: Record<string, string>, context: WorkflowContext, base: Record<string, string | undefined>) {
  const tarball = readFileSync(context.pkg.tarball);
  return bash(`bash "${ROOT}/action/install.sh"`, {
    ...base,
    INPUT_TARBALL: inputs.tarball ?? context.pkg.tarball,
    INPUT_TARBALL_SHA256: inputs['tarball-sha256'] ?? createHash('sha256').update(tarball).digest('hex'),
    npm_config_offline: 'true',
    npm_config_update_notifier: 'false',
  }, context.workspace);
}

/** Runs a job's steps in order until one fails, as GitHub does; returns every step's result. */
export async function runJob(job: Job, context: WorkflowContext): Promise<StepResult[]> {
  const results: StepResult[] = [];
  const steps: Record<string, { outputs: Record<string, string> }> = {};
  for (const step of job.steps) {
    const expressions = { secrets: context.secrets, github: context.github, steps };
    if (step.if !== undefined && evaluate(step.if.replace(/^\$\{\{|\}\}$/g, ''), expressions) !== 'true') continue;
    const env: Record<string, string | undefined> = { ...context.env };
    for (const [name, value] of Object.entries({ ...job.env, ...step.env })) env[name] = substitute(String(value), expressions);
    env.GH_LOG = context.ghLog;
    env.GH_ARTIFACTS = context.artifacts;
    const name = step.name ?? step.uses ?? step.run ?? '?';
    let result: StepResult;
    if (step.uses && ACTION.test(step.uses)) {
      const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([key, value]) => [key, substitute(String(value), expressions)]));
      result = { ...(await runAction(inputs, context, env)), name };
    } else if (step.uses?.startsWith('actions/upload-artifact@')) {
      const artifact = join(context.artifacts, substitute(String(step.with?.name), expressions));
      const path = join(context.workspace, String(step.with?.path));
      mkdirSync(artifact, { recursive: true });
      cpSync(path, join(artifact, basename(path)));
      result = { name, code: 0, stdout: '', stderr: '', outputs: {} };
    } else if (step.uses) {
      result = { name, code: 0, stdout: '', stderr: '', outputs: {} };
    } else {
      result = { name, ...(await bash(substitute(step.run ?? '', expressions), env, context.workspace)), outputs: {} };
    }
    results.push(result);
    if (step.id) steps[step.id] = { outputs: result.outputs };
    if (result.code !== 0) break;
  }
  return results;
}
