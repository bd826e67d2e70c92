// Runs `konsync <args>` from the TypeScript sources in a process of its own (no build needed), so a test can send it
// real signals. Usage: node konsync.mjs <path to src/cli/main.ts> <args...>
import { runnerImport } from 'vite';

const { module } = await runnerImport(process.argv[2], { configFile: false, logLevel: 'silent' });
await module.buildProgram().parseAsync(process.argv.slice(3), { from: 'user' });
