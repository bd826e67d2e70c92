import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ValidationError, type Problem } from '../../errors.js';
import { decodeStateFile } from './decode-text.js';
import type { SourceText } from './load-documents.js';

const STATE_FILE = /\.(ya?ml|json)$/i;
/** `-` reads one state file from standard input, as decK does. */
const STDIN = '-';

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/** State files under a directory, recursively, in lexical order of their paths (decK's walk). */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const entry of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else if (STATE_FILE.test(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && (await stat(path).catch(() => undefined))?.isFile()))) {
      // Like decK's walk: a symlinked file counts, a symlinked directory is not followed.
      out.push(path);
    }
  }
  return out;
}

/** Reads the given files and directories. A missing path, or a file that is not UTF-8, is a ValidationError naming it. */
export async function readStateFiles(paths: readonly string[]): Promise<SourceText[]> {
  const out: SourceText[] = [];
  const missing: string[] = [];
  const undecodable: Problem[] = [];
  const add = (path: string, bytes: Uint8Array) => {
    const decoded = decodeStateFile(path, bytes);
    if ('problem' in decoded) undecodable.push(decoded.problem);
    else out.push({ path, text: decoded.text });
  };
  for (const path of paths) {
    if (path === STDIN) {
      add(path, await readStdin());
      continue;
    }
    const info = await stat(path).catch(() => undefined);
    if (!info) {
      missing.push(path);
      continue;
    }
    const files = info.isDirectory() ? await filesUnder(path) : [path];
    for (const file of files) add(file, await readFile(file));
  }
  const problems = [...missing.map((path) => ({ file: path, message: 'no such file or directory' })), ...undecodable];
  if (problems.length > 0) throw new ValidationError(problems);
  return out;
}

/** Reads side files (custom plugin Lua); unreadable ones are left out and reported by the core. */
export async function readSideFiles(paths: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const path of paths) {
    const text = await readFile(path, 'utf8').catch(() => undefined);
    if (text !== undefined) out.set(path, text);
  }
  return out;
}
