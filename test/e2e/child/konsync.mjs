// Runs `konsync <args>` from the TypeScript sources in a process of its own (no build needed), so a test can send it
// real signals. Usage: node konsync.mjs <path to src/cli/main.ts> <args...>
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

register('./ts-hooks.mjs', import.meta.url);
const { buildProgram } = await import(pathToFileURL(process.argv[2]).href);
await buildProgram().parseAsync(process.argv.slice(3), { from: 'user' });
