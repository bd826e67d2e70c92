import { performance } from 'node:perf_hooks';

/** The parts of a command whose time a user waits for. */
export type Phase = 'load' | 'read' | 'plan' | 'render' | 'write';

/**
 * Marks a phase on the process's performance timeline as `konsync:<phase>:start` and `:end` (only the latest of each
 * name is kept, so a long-lived process holds a handful). The e2e bench's probe reads them at exit to say how much
 * of a command's wall time loading, the live read and planning took; nothing is printed.
 */
export function markPhase(phase: Phase, edge: 'start' | 'end'): void {
  const name = `konsync:${phase}:${edge}`;
  performance.clearMarks(name);
  performance.mark(name);
}

export async function timedPhase<T>(phase: Phase, run: () => Promise<T>): Promise<T> {
  markPhase(phase, 'start');
  try {
    return await run();
  } finally {
    markPhase(phase, 'end');
  }
}

export function timedPhaseSync<T>(phase: Phase, run: () => T): T {
  markPhase(phase, 'start');
  try {
    return run();
  } finally {
    markPhase(phase, 'end');
  }
}
