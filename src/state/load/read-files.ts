import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ValidationError, type Problem } from '../../errors.js';
import { decodeStateFile } from './decode-text.js';
import type { SourceText } from './load-documents.js';
import { isInside, MAX_LUA_BYTES, type SideFileContent } from './code-fields.js';
import { looksLikePlan, stateLikeness } from './state-likeness.js';

const STATE_FILE = /\.(ya?ml|json)$/i;
/** Directories a walk never enters: hidden ones (.git, .github, .terraform...) and installed packages. */
const SKIPPED_DIRECTORY = (name: string) => name.startsWith('.') || name === 'node_modules';
/**
 * Largest state file read: 32 MiB, about three times a 100,000-entity decK file. A bigger one is refused before it is
 * read (one clear line, bounded memory); a state may be split into as many files as needed.
 */
export const MAX_STATE_FILE_BYTES = 32 * 1024 * 1024;

function tooLarge(file: string, size: number): Problem {
  const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return { file, message: `state file is too large (${mib(size)}; konsync reads at most ${mib(MAX_STATE_FILE_BYTES)} per file)`, hint: 'split it into several files: a directory of files is one state' };
}

/** `-` reads one state file from standard input, as decK does. */
const STDIN = '-';

async function readStdin(): Promise<Buffer | number> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    // Past the limit the rest is counted, not kept.
    if (size <= MAX_STATE_FILE_BYTES) chunks.push(buffer);
  }
  return size > MAX_STATE_FILE_BYTES ? size : Buffer.concat(chunks);
}

const errorCode = (error: unknown) => (typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined);

/** Why a path cannot be read, in words. */
function unreadable(error: unknown): string {
  const code = errorCode(error);
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'ELOOP') return 'symbolic link loop';
  if (code === 'EACCES') return 'permission denied';
  return `cannot read (${code ?? String(error)})`;
}

/**
 * State files under a directory, recursively, in lexical order of their paths (decK's walk). Hidden entries and
 * `node_modules` are skipped; a symlinked file counts, a symlinked directory is not followed (so a walk cannot loop).
 */
async function filesUnder(dir: string, problems: Problem[]): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
    problems.push({ file: dir, message: unreadable(error) });
    return [];
  });
  const out: string[] = [];
  for (const entry of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORY(entry.name)) out.push(...(await filesUnder(path, problems)));
    } else if (STATE_FILE.test(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && (await stat(path).catch(() => undefined))?.isFile()))) {
      out.push(path);
    }
  }
  return out;
}

/** What a read found: the state texts, and the walked files left out because they are not state. */
export interface ReadResult {
  inputs: SourceText[];
  /** Files a directory walk found and left out: konsync plans and files that are clearly not state. */
  skipped: string[];
}

/**
 * Reads the given files and directories; each file once, however it is reached (named twice, through a directory and
 * by name, through a symlink). Named files are always read (a plan file named is an error saying what it is); files a
 * walk finds are read only when they look like state (`stateLikeness`). A path that cannot be read is a
 * ValidationError naming it.
 */
export async function readStateFiles(paths: readonly string[]): Promise<ReadResult> {
  const inputs: SourceText[] = [];
  const skipped: string[] = [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const readOnce = async (file: string, walked: boolean): Promise<void> => {
    const real = await realpath(file).catch(() => file);
    if (seen.has(real) || (walked && skipped.includes(file))) return;
    let bytes: Buffer;
    try {
      const { size } = await stat(file);
      if (size > MAX_STATE_FILE_BYTES) {
        problems.push(tooLarge(file, size));
        return;
      }
      bytes = await readFile(file);
    } catch (error) {
      problems.push({ file, message: unreadable(error) });
      return;
    }
    const decoded = decodeStateFile(file, bytes);
    if ('problem' in decoded) {
      problems.push(decoded.problem);
      return;
    }
    const text = decoded.text;
    if (walked && stateLikeness(file, text) !== 'state') {
      skipped.push(file);
      return;
    }
    // A named file is read whatever it looks like; only a plan is refused (its head says so: no second parse).
    if (!walked && looksLikePlan(text)) {
      problems.push({ file, message: 'this is a konsync plan file, not a state file', hint: 'apply it with `konsync apply FILE`, or leave it out of -s' });
      return;
    }
    seen.add(real);
    inputs.push({ path: file, text });
    // Named after a walk skipped it: read, so no longer skipped.
    if (skipped.includes(file)) skipped.splice(skipped.indexOf(file), 1);
  };
  for (const path of paths) {
    if (path === STDIN) {
      const bytes = await readStdin();
      if (typeof bytes === 'number') {
        problems.push(tooLarge(path, bytes));
        continue;
      }
      const decoded = decodeStateFile(path, bytes);
      if ('problem' in decoded) problems.push(decoded.problem);
      else inputs.push({ path, text: decoded.text });
      continue;
    }
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(path)).isDirectory();
    } catch (error) {
      problems.push({ file: path, message: unreadable(error) });
      continue;
    }
    if (!isDirectory) {
      await readOnce(path, false);
      continue;
    }
    for (const file of await filesUnder(path, problems)) await readOnce(file, true);
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return { inputs, skipped };
}

/**
 * Reads side files (custom plugin Lua). A file whose real path (symbolic links followed) leaves the directory of the
 * state file that names it is not read: its entry says why. Unreadable ones are left out and reported by the core.
 */
export async function readSideFiles(requests: ReadonlyArray<{ path: string; dir: string }>): Promise<Map<string, SideFileContent>> {
  const out = new Map<string, SideFileContent>();
  for (const { path, dir } of requests) {
    const [real, realDir] = await Promise.all([realpath(path).catch(() => undefined), realpath(dir).catch(() => dir)]);
    if (real === undefined) continue;
    if (!isInside(realDir, real)) {
      out.set(path, { problem: `${path} resolves to ${real}, outside ${dir}, the directory of the state file that names it` });
      continue;
    }
    const info = await stat(real).catch(() => undefined);
    if (!info) continue;
    // Checked before reading: a FIFO would block the read forever, a huge file would fill memory.
    if (!info.isFile()) {
      out.set(path, { problem: `${path} is not a regular file` });
      continue;
    }
    if (info.size > MAX_LUA_BYTES) {
      out.set(path, { problem: `${path} is ${info.size} bytes; Konnect accepts at most ${MAX_LUA_BYTES} bytes (100 KB) per plugin file` });
      continue;
    }
    const text = await readFile(real, 'utf8').catch(() => undefined);
    if (text !== undefined) out.set(path, text);
  }
  return out;
}
