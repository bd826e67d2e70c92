// Secrets suite (issue 10 §5): every command and output format, run with a distinctive token and distinctive DECK_
// values, before and after a rotation of the DECK_ value: neither the token nor any DECK_ value appears anywhere
// (stdout, stderr, plan files).
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../e2e/harness.js';
import { gatewayYaml, platformYaml } from '../e2e/states.js';

const TOKEN = 'kpat_ReliabilityToken7f3c9a1e5b2d8c4f6a0e9b7d';
const OLD = 'rel-old-secret-Q7X2P9';
const NEW = 'rel-new-secret-Z4K8M1';


const outputs = new Map<string, string>();
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ token: TOKEN });
  const state = ['-s', h.path('state')];
  const k = h.konnect;
  await h.write('state/platform.yaml', platformYaml());
  await h.write('state/payments.yaml', gatewayYaml({ secretPlugin: true }));
  const record = async (name: string, args: string[], secret: string) => {
    const result = await h.run(args, { DECK_E2E_SECRET: secret });
    outputs.set(name, `${result.out}\n${result.err}`);
    return result;
  };
  await record('validate', ['validate', ...state], OLD);
  await record('validate json', ['validate', ...state, '--output', 'json'], OLD);
  for (const format of ['text', 'json', 'markdown', 'github']) await record(`diff ${format} (first)`, ['diff', ...state, ...k, '--output', format], OLD);
  await record('plan --out (first)', ['plan', ...state, ...k, '--out', h.path('first.json')], OLD);
  outputs.set('plan file (first)', await readFile(h.path('first.json'), 'utf8'));
  await record('apply (first)', ['apply', h.path('first.json'), ...k], OLD);
  await record('sync json (no changes)', ['sync', ...state, ...k, '--yes', '--output', 'json'], OLD);
  await record('dump', ['dump', ...k, '--out', '-'], OLD);
  await record('status json', ['status', ...k, '--output', 'json'], OLD);
  await record('ping', ['ping', ...k], OLD);
  await record('bad token error', ['diff', ...state, '--konnect-addr', h.emulator.url], OLD);
  // Rotation: DECK_E2E_SECRET changes; Konnect still holds OLD until the sync.
  for (const format of ['text', 'json', 'markdown', 'github']) await record(`diff ${format} (rotated)`, ['diff', ...state, ...k, '--output', format], NEW);
  await record('plan --out (rotated)', ['plan', ...state, ...k, '--out', h.path('rotated.json')], NEW);
  outputs.set('plan file (rotated)', await readFile(h.path('rotated.json'), 'utf8'));
  await record('show markdown (rotated)', ['show', h.path('rotated.json'), '--output', 'markdown'], NEW);
  // Every request, retry and wait logged: the token and DECK_ values stay masked there too.
  await record('diff --verbose (rotated)', ['diff', ...state, ...k, '--verbose'], NEW);
  await record('sync json (rotated)', ['sync', ...state, ...k, '--yes', '--output', 'json'], NEW);
  await record('sync text (after)', ['sync', ...state, ...k, '--yes'], NEW);
  await record('sync --verbose (after)', ['sync', ...state, ...k, '--yes', '--verbose'], NEW);
}, 90_000);
afterAll(async () => h?.stop());

describe('secrets: a distinctive token and DECK_ values never appear, before or after a rotation', () => {
  it('the outputs were recorded', () => expect(outputs.size).toBeGreaterThanOrEqual(20));
  const names = [
    'validate', 'validate json', 'diff text (first)', 'diff json (first)', 'diff markdown (first)', 'diff github (first)', 'plan --out (first)',
    'plan file (first)', 'apply (first)', 'sync json (no changes)', 'dump', 'status json', 'ping', 'bad token error', 'diff text (rotated)',
    'diff json (rotated)', 'diff markdown (rotated)', 'diff github (rotated)', 'plan --out (rotated)', 'plan file (rotated)', 'sync json (rotated)',
    'sync text (after)', 'show markdown (rotated)', 'diff --verbose (rotated)', 'sync --verbose (after)',
  ];
  for (const name of names) {
    it(name, () => {
      const text = outputs.get(name);
      expect(text, `${name} was not recorded`).toBeDefined();
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(TOKEN.slice(5, 25));
      expect(text).not.toContain(OLD);
      expect(text).not.toContain(NEW);
    });
  }
});
