import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { networkYaml } from './states.js';

const CHILD = fileURLToPath(new URL('./child/konsync.mjs', import.meta.url));
const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

interface Exit {
  code: number | null;
  out: string;
  err: string;
}

/** Runs konsync in a child process and sends it `signal` once its stderr shows `trigger`. Bounded by `limitMs`. */
function interruptWhen(args: string[], env: Record<string, string | undefined>, trigger: RegExp, signal: NodeJS.Signals = 'SIGINT', limitMs = 60_000): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, MAIN, ...args], { env: { ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let sent = false;
    const limit = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no exit within ${limitMs} ms; stderr: ${err}`));
    }, limitMs);
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      if (!sent && trigger.test(err)) {
        sent = true;
        child.kill(signal);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(limit);
      resolve({ code, out, err });
    });
  });
}

// Networks take 20 s to provision here: the interrupt always lands during the readiness wait.
describe('Ctrl-C', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ provisionMs: 20_000 });
  });
  afterAll(async () => h?.stop());

  for (const command of ['sync', 'apply'] as const) {
    it(`${command}: reports what was done, then exits 130`, async () => {
      await h.write(`${command}/network.yaml`, networkYaml(`e2e-int-${command}`, command === 'sync' ? '10.70.0.0/22' : '10.71.0.0/22'));
      let args = ['sync', '-s', h.path(command), ...h.konnect, '--yes'];
      if (command === 'apply') {
        const planned = await h.run(['plan', '-s', h.path(command), ...h.konnect, '--out', h.path('plan.json')]);
        expect(planned.code, planned.out + planned.err).toBe(2);
        args = ['apply', h.path('plan.json'), ...h.konnect];
      }
      const result = await interruptWhen(args, h.env, /waiting/);
      expect(result.err).toContain('Interrupted');
      expect(result.out).toContain('Result (interrupted):');
      expect(result.code, result.out + result.err).toBe(130);
    }, 90_000);
  }

  it('sync stopped by SIGTERM (a cancelled CI job): the same clean report, exit 143', async () => {
    await h.write('term/network.yaml', networkYaml('e2e-int-term', '10.72.0.0/22'));
    const result = await interruptWhen(['sync', '-s', h.path('term'), ...h.konnect, '--yes'], h.env, /waiting/, 'SIGTERM');
    expect(result.err).toContain('Interrupted (SIGTERM)');
    expect(result.out).toContain('Result (interrupted):');
    expect(result.code, result.out + result.err).toBe(143);
  }, 90_000);
});
