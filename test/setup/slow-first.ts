import { relative } from 'node:path';

/**
 * Files that take tens of seconds each (measured: README "Running the tests"), in the order they should start. With a few
 * workers and no timing cache (a clean clone: `npm ci` wipes node_modules/.vite), vitest would start the largest
 * files first, and a 30 s file picked up last would run alone at the end. The first one packs konsync (under a lock,
 * test/support/packed.ts); the others that install the package come after a few that do not, so nobody waits on it.
 */
export const SLOW_FILES = [
  'test/action.test.ts',
  'test/reliability/fault.test.ts',
  'test/reliability/race.test.ts',
  'test/reliability/kill.test.ts',
  'test/examples.test.ts',
  'test/package.test.ts',
];

/** `files` with the known slow ones first, in SLOW_FILES order; the rest keep their order. */
export function slowFirst<T>(files: readonly T[], pathOf: (file: T) => string, root: string): T[] {
  const rank = (file: T): number => {
    const index = SLOW_FILES.indexOf(relative(root, pathOf(file)).split('\\').join('/'));
    return index === -1 ? SLOW_FILES.length : index;
  };
  return files.map((file, position) => ({ file, position, rank: rank(file) })).sort((a, b) => a.rank - b.rank || a.position - b.position).map(({ file }) => file);
}
