import { describe, expect, it } from 'vitest';
import { exitCodeOf } from '../../src/cli/apply-runner.js';
import type { ExecutionReport } from '../../src/executor/index.js';

const report = (counts: Partial<ExecutionReport>): ExecutionReport => ({ results: [], applied: 0, failed: 0, skipped: 0, pending: 0, aborted: false, ...counts });

describe('apply and sync exit codes', () => {
  it.each([
    ['everything applied', { applied: 3 }, 0],
    ['waits not waited for (--no-wait)', { applied: 2, pending: 2 }, 0],
    ['an operation failed', { applied: 2, failed: 1, skipped: 1 }, 1],
    ['an operation skipped, none failed: the files are not in effect', { applied: 2, skipped: 1 }, 1],
    ['interrupted (Ctrl-C)', { applied: 1, skipped: 3, aborted: true }, 130],
  ])('%s → %i', (_what, counts, code) => {
    expect(exitCodeOf(report(counts))).toBe(code);
  });
});
