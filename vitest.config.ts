import { availableParallelism } from 'node:os';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';
import { slowFirst } from './test/setup/slow-first.js';
import { LONG } from './test/reliability/scale.js';

/** Vitest's own order (cached durations, else file size), with the known slow files started first. */
class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return slowFirst(await super.sort(files), (file) => file.moduleId, this.ctx.config.root);
  }
}

/**
 * Files whose assertions hold a wall-clock budget (bad input is refused within 5 s, startup excluded; the long fault
 * suite converges within 3× the fault-free time): they run alone, after the parallel files, so the budget measures
 * konsync rather than how busy the other workers keep the CPU.
 */
const TIMED = ['test/reliability/bad-input.test.ts', ...(LONG ? ['test/reliability/fault.test.ts'] : [])];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // A worker imports src/ once and reuses it for the next files instead of re-importing it per file, which halves
    // the suite's CPU time. No test mocks modules; setupFiles still run per file: process-state.ts resets what a file
    // can leave process-wide, and each file gets its own conformance check.
    isolate: false,
    sequence: { sequencer: SlowFirstSequencer },
    globalSetup: ['test/setup/specs-notice.ts'],
    // process-state: what a file leaves process-wide is reset for the next one in the worker. conformance: checks every
    // emulator exchange against the official Konnect specs (skipped when ../shared is absent).
    setupFiles: ['test/setup/process-state.ts', 'test/setup/conformance.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'parallel',
          include: ['test/**/*.test.ts'],
          exclude: TIMED,
          // Most test time is spent waiting on emulators, child processes and timers: one worker more than there are
          // cores keeps them busy (vitest's default is one fewer, i.e. a single worker on a 2-core CI machine).
          maxWorkers: Math.max(2, availableParallelism() + 1),
          sequence: { groupOrder: 0 },
        },
      },
      { extends: true, test: { name: 'timed', include: TIMED, maxWorkers: 1, sequence: { groupOrder: 1 } } },
    ],
  },
});
