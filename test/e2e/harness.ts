import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/index.js';
import { captureIO } from '../../src/cli/output.js';
import { runInProcess } from '../../src/cli/in-process.js';

export interface RunResult {
  code: number;
  out: string;
  err: string;
}

export interface Harness {
  emulator: RunningEmulator;
  /** A temporary directory, removed by stop(). */
  dir: string;
  /** `--konnect-addr URL --konnect-token-file FILE`. */
  konnect: string[];
  /** Environment every run gets (plus its own `env`). */
  env: Record<string, string | undefined>;
  /** `konsync <args>` in-process, output captured. */
  run(args: string[], env?: Record<string, string | undefined>): Promise<RunResult>;
  /** Writes a file under `dir`; returns its path. */
  write(name: string, content: string): Promise<string>;
  path(name: string): string;
  /** Konnect API call straight to the emulator (an out-of-band change). */
  api(method: string, path: string, body?: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

export const SECRET = 'e2e-very-secret-value-42';

/** An emulator on a free port with tiny provision times, and a way to run commands against it. */
export async function startHarness(options: EmulatorOptions = {}): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'konsync-e2e-'));
  const emulator = await startEmulator({ port: 0, provisionMs: 30, dataFile: join(dir, 'emulator.json'), ...options });
  const tokenFile = join(dir, 'token');
  await writeFile(tokenFile, emulator.token);
  const env: Record<string, string | undefined> = { PATH: process.env.PATH, DECK_E2E_SECRET: SECRET };
  const harness: Harness = {
    emulator,
    dir,
    konnect: ['--konnect-addr', emulator.url, '--konnect-token-file', tokenFile],
    env,
    async run(args, extra = {}) {
      const io = captureIO({ env: { ...env, ...extra } });
      const code = await runInProcess(args, io);
      return { code, out: io.out, err: io.err };
    },
    async write(name, content) {
      const path = join(dir, name);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
      return path;
    },
    path: (name) => join(dir, name),
    async api(method, path, body) {
      const response = await fetch(`${emulator.url}/v2${path}`, {
        method,
        headers: { authorization: `Bearer ${emulator.token}`, 'content-type': 'application/json' },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
      return text === '' ? undefined : JSON.parse(text);
    },
    async stop() {
      await emulator.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Finds a control plane's id by name through the emulator's API. */
export async function controlPlaneId(harness: Harness, name: string): Promise<string> {
  const listed = (await harness.api('GET', `/control-planes?filter[name][eq]=${encodeURIComponent(name)}`)) as { data: Array<{ id: string; name: string }> };
  const found = listed.data.find((cp) => cp.name === name);
  if (!found) throw new Error(`no control plane ${name}`);
  return found.id;
}

/** Finds a core entity's id by name. */
export async function entityId(harness: Harness, controlPlane: string, collection: string, name: string): Promise<string> {
  const cp = await controlPlaneId(harness, controlPlane);
  const listed = (await harness.api('GET', `/control-planes/${cp}/core-entities/${collection}?size=1000`)) as { data: Array<{ id: string; name?: string }> };
  const found = listed.data.find((item) => item.name === name);
  if (!found) throw new Error(`no ${collection} ${name} in ${controlPlane}`);
  return found.id;
}

export function parseJson(text: string): Record<string, unknown> {
  return JSON.parse(text) as Record<string, unknown>;
}
