import { setColorFlag } from '../../src/cli/output.js';

// Test files share worker processes (vitest.config.ts: isolate false). What konsync keeps process-wide and a test can
// leave changed is put back before each file, as a fresh process has it: the `--no-color` of the last in-process
// command (it lasts until the next command runs). Other such state is restored by the code that sets it (useIO,
// useResolver, the conformance observer).
setColorFlag(undefined);
