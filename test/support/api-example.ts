import { readFileSync } from 'node:fs';

/** The ```ts block of docs/API.md: the example users copy. */
export function apiExample(): string {
  const match = /```ts\n([\s\S]*?)```/.exec(readFileSync('docs/API.md', 'utf8'));
  if (!match?.[1]) throw new Error('docs/API.md has no ```ts block');
  return match[1];
}
