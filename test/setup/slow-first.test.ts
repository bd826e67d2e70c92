import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SLOW_FILES, slowFirst } from './slow-first.js';

const ROOT = '/repo';
const at = (path: string) => ({ moduleId: `${ROOT}/${path}` });

describe('slowFirst: the test order on a clean clone', () => {
  it('starts the known slow files first, in their listed order, and keeps the order of the rest', () => {
    const files = [at('test/diff/order.test.ts'), at('test/package.test.ts'), at('test/emulator/units.test.ts'), at('test/action.test.ts'), at('test/cli/help.test.ts')];
    expect(slowFirst(files, (file) => file.moduleId, ROOT).map((file) => file.moduleId.slice(ROOT.length + 1))).toEqual([
      'test/action.test.ts',
      'test/package.test.ts',
      'test/diff/order.test.ts',
      'test/emulator/units.test.ts',
      'test/cli/help.test.ts',
    ]);
  });

  it('lists only files that exist (a renamed file would silently lose its place)', () => {
    expect(SLOW_FILES.filter((file) => !existsSync(file))).toEqual([]);
  });
});
