import { join } from 'node:path';
import { loadState } from '../../src/state/load/index.js';
import { runGuards, type Finding, type OnlineFacts } from '../../src/guards/index.js';

export const FIXTURES = 'test/guards/fixtures';
export const fixture = (name: string) => join(FIXTURES, name);

/** Guard findings for fixture files, loaded as `validate` loads them. */
export async function findingsOf(names: string[], online: OnlineFacts = {}): Promise<Finding[]> {
  const state = await loadState(names.map(fixture), { env: {} });
  return runGuards(state, online);
}

/** `line:column severity rule path: message`, one finding per line: what a test compares. */
export const brief = (finding: Finding) =>
  `${finding.line}:${finding.column} ${finding.severity} ${finding.rule} ${finding.path ?? '-'}: ${finding.message}`;
