import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { apiExample } from './support/api-example.js';

const dir = resolve('test/.generated');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('docs/API.md', () => {
  it('its example runs as written (konsync resolved to this checkout) and prints the plan, then in sync', async () => {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'api-example.ts');
    writeFileSync(file, apiExample().replace(/from 'konsync'/g, `from '${pathToFileURL(resolve('src/index.ts')).href}'`));
    const printed: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
    try {
      await import(pathToFileURL(file).href);
    } finally {
      spy.mockRestore();
    }
    expect(printed.join('\n')).toContain('api-example');
    expect(printed.at(-1)).toBe('in sync');
  });
});
