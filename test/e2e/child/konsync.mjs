// Runs `konsync <args>` from the TypeScript sources in a process of its own (no build needed), so a test can send it
// real signals. Usage: node konsync.mjs <path to src/cli/main.ts> <args...>
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

register('./ts-hooks.mjs', import.meta.url);
const { programFor } = await import(pathToFileURL(process.argv[2]).href);
// As the bin does: the program holds the invoked command alone.
const args = process.argv.slice(3);
await (await programFor(['node', 'konsync', ...args])).parseAsync(args, { from: 'user' });
