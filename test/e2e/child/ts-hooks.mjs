// Module hooks that let plain Node run konsync's TypeScript sources: `./x.js` resolves to `./x.ts` beside it, and a .ts
// file loads as its TypeScript transpilation (types erased, nothing checked: the type check is `npm run typecheck`).
// Transpiled files are kept in the temp dir keyed by content, so only the first child after a change loads TypeScript;
// the others start about as fast as the built CLI (vite's module runner took ~1.6 s of CPU per child).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CACHE = join(tmpdir(), 'konsync-child-ts');
// Part of every cache key: a change here or in how TypeScript is called invalidates what was cached.
const RECIPE = 'esnext-module es2022-target verbatim-module-syntax v1';
let typescript;

export async function resolve(specifier, context, next) {
  if (context.parentURL?.endsWith('.ts') && /^\.{1,2}\/.*\.js$/.test(specifier)) {
    const source = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
    if (existsSync(source)) return { url: source.href, shortCircuit: true };
  }
  return next(specifier, context);
}

async function transpile(source, file) {
  typescript ??= (await import('typescript')).default;
  const { outputText } = typescript.transpileModule(source, {
    fileName: file,
    compilerOptions: {
      module: typescript.ModuleKind.ESNext,
      target: typescript.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
      sourceMap: false,
    },
  });
  return outputText;
}

export async function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context);
  const file = fileURLToPath(url);
  const source = await readFile(file, 'utf8');
  const key = createHash('sha256').update(RECIPE).update('\0').update(file).update('\0').update(source).digest('hex');
  const cached = join(CACHE, `${key}.js`);
  try {
    return { format: 'module', source: await readFile(cached, 'utf8'), shortCircuit: true };
  } catch {
    const output = await transpile(source, file);
    try {
      await mkdir(CACHE, { recursive: true });
      const temp = `${cached}.${process.pid}`;
      await writeFile(temp, output);
      await rename(temp, cached);
    } catch {
      // An unwritable temp dir only costs time.
    }
    return { format: 'module', source: output, shortCircuit: true };
  }
}
