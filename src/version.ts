import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * konsync's version, from its own package.json: found by walking up from this file, so it holds from src/ (tests),
 * dist/src/ (the build) and an installed package alike. One source of truth for `--version` and the User-Agent.
 */
export function konsyncVersion(): string {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 6; depth++) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'konsync' && typeof manifest.version === 'string') return (cached = manifest.version);
    }
    dir = dirname(dir);
  }
  return (cached = '0.0.0-unknown');
}
