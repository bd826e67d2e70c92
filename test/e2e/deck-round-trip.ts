import { expect } from 'vitest';
import { parseJson, type Harness } from './harness.js';

/**
 * decK's acceptance loop for one state directory: sync → diff = 0 → sync again = no-op → dump → diff of the dump = 0.
 * Returns the dump directory.
 */
export async function expectRoundTrip(h: Harness, stateDir: string, dumpName: string, extra: string[] = []): Promise<string> {
  const synced = await h.run(['sync', '-s', stateDir, ...h.konnect, ...extra, '--yes']);
  expect(synced.code, synced.out + synced.err).toBe(0);
  const diff = await h.run(['diff', '-s', stateDir, ...h.konnect, ...extra]);
  expect(diff.code, diff.out + diff.err).toBe(0);
  const again = await h.run(['sync', '-s', stateDir, ...h.konnect, ...extra, '--yes', '--output', 'json']);
  expect(again.code, again.out + again.err).toBe(0);
  expect((parseJson(again.out) as { plan: { summary: { total: number } } }).plan.summary.total).toBe(0);
  const dumped = await h.run(['dump', ...h.konnect, '--out', h.path(dumpName)]);
  expect(dumped.code, dumped.out + dumped.err).toBe(0);
  const dumpDiff = await h.run(['diff', '-s', h.path(dumpName), ...h.konnect]);
  expect(dumpDiff.code, dumpDiff.out + dumpDiff.err).toBe(0);
  return h.path(dumpName);
}
