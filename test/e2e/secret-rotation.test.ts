import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CP, platformYaml } from './states.js';
import { startHarness, type Harness } from './harness.js';

// Issue 7 item 2: after a DECK_ value is rotated, the value Konnect still holds is known to no environment, so no
// masker can catch it. Every command, in every format, must print neither the old nor the new value.
const REVIEW_FORMATS = ['text', 'json', 'markdown', 'github'] as const;
/** plan, apply, sync and dump print text or JSON. */
const FORMATS = ['text', 'json'] as const;
const PARTIAL_PASSWORD = 'literal-partial-password-77';

function gatewayYaml(redisHost: string): string {
  return `_format_version: "3.0"
_konnect: { control_plane_name: ${CP} }
partials:
  - name: cache
    type: redis-ee
    config: { host: ${redisHost}, port: 6379, password: ${PARTIAL_PASSWORD} }
consumers:
  - username: alice
    hmacauth_credentials:
      - { username: alice-hmac, secret: "\${{ env "DECK_ROTATED" }}" }
plugins:
  - name: request-transformer
    config:
      add:
        headers: ["x-shared-secret:\${{ env "DECK_ROTATED" }}"]
`;
}

describe('a rotated DECK_ value is printed by no command', () => {
  let h: Harness;
  let state: string[];
  let current = 'rotation-value-0000';
  let counter = 0;
  /** Sets a new value; returns the previous one (what Konnect holds until the next sync). */
  const rotate = (): string => {
    const previous = current;
    current = `rotation-value-${String(++counter).padStart(4, '0')}`;
    return previous;
  };
  const run = (args: string[]) => h.run([...args, ...state, ...h.konnect], { DECK_ROTATED: current });
  const expectClean = (text: string, old: string, where: string) => {
    expect(text, where).not.toContain(old);
    expect(text, where).not.toContain(current);
    expect(text, where).not.toContain(PARTIAL_PASSWORD);
  };

  beforeAll(async () => {
    h = await startHarness();
    await h.write('state/platform.yaml', platformYaml());
    await h.write('state/payments.yaml', gatewayYaml('redis-a.internal'));
    state = ['-s', h.path('state')];
    const first = await run(['sync', '--yes']);
    expect(first.code, first.out + first.err).toBe(0);
    // The partial's host changes too: its update shows a literal password on both sides, which is masked as well.
    await h.write('state/payments.yaml', gatewayYaml('redis-b.internal'));
  });
  afterAll(async () => h?.stop());

  it('diff and plan (and the plan file) in every format', async () => {
    const old = rotate();
    for (const format of REVIEW_FORMATS) {
      const diff = await run(['diff', '--output', format]);
      expect(diff.code, diff.out + diff.err).toBe(2);
      expectClean(diff.out + diff.err, old, `diff --output ${format}`);
    }
    for (const format of FORMATS) {
      const file = h.path(`plan-${format}.json`);
      const plan = await run(['plan', '--out', file, '--output', format]);
      expect(plan.code, plan.out + plan.err).toBe(2);
      expectClean(plan.out + plan.err, old, `plan --output ${format}`);
      const saved = await readFile(file, 'utf8');
      expect(saved, 'plan file').not.toContain(old);
      expect(saved, 'plan file').not.toContain(current);
      expect(saved).toContain('${{ env \\"DECK_ROTATED\\" }}');
    }
    // The old value is what the diff is about: it is shown masked, not left out.
    const text = await run(['diff']);
    expect(text.out).toContain('[masked]');
  });

  it('apply of a saved plan, in every format', async () => {
    for (const format of FORMATS) {
      const old = rotate();
      const file = h.path(`apply-${format}.json`);
      expect((await run(['plan', '--out', file])).code).toBe(2);
      const applied = await h.run(['apply', file, ...h.konnect, '--output', format], { DECK_ROTATED: current });
      expect(applied.code, applied.out + applied.err).toBe(0);
      expectClean(applied.out + applied.err, old, `apply --output ${format}`);
    }
  });

  it('sync in every format', async () => {
    for (const format of FORMATS) {
      const old = rotate();
      const synced = await run(['sync', '--yes', '--output', format]);
      expect(synced.code, synced.out + synced.err).toBe(0);
      expectClean(synced.out + synced.err, old, `sync --output ${format}`);
    }
    expect((await run(['diff'])).code).toBe(0);
  });

  it('dump keeps the env reference for env-sourced values', async () => {
    for (const format of FORMATS) {
      const dumped = await h.run(['dump', ...h.konnect, '--out', '-', '--output', format], { DECK_ROTATED: current });
      expect(dumped.code, dumped.err).toBe(0);
      expect(dumped.out).not.toContain(current);
      expect(dumped.out).toContain('DECK_ROTATED');
    }
  });
});
