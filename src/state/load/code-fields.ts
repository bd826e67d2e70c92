import { dirname, isAbsolute, join, relative as relativePath } from 'node:path';
import luaparse from 'luaparse';
import type { Problem } from '../../errors.js';
import { isJsonObject, type Json } from '../../model/json.js';
import { ALL_KINDS, kindOf } from '../../kinds/registry.js';
import type { DraftEntity } from './draft.js';
import { problemAt } from './parse-source.js';
import { yamlLibrary } from './yaml-library.js';

/** Konnect rejects a streamed plugin file over 100 KB. */
export const MAX_LUA_BYTES = 100 * 1024;
const FILE_SUFFIX = '_file';

/** Where `<field>_file: <relative>` in `stateFile` points; the I/O edge reads exactly these paths. */
export function sideFilePath(stateFile: string, relative: string): string {
  return join(dirname(stateFile), relative);
}

/** A side file's text, or why it was not read (the I/O edge found it outside its state file's directory). */
export type SideFileContent = string | { problem: string };

/** Whether `path` is `dir` or inside it (both absolute, or both relative to the same directory). */
export function isInside(dir: string, path: string): boolean {
  const rel = relativePath(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Code files must be inside the directory of the state file that names them (a reviewed repository must not make
 * konsync upload /etc/passwd or a file of another checkout). The lexical part, checked before anything is read; the
 * I/O edge checks symbolic links (`realpath`) the same way.
 */
export function sideFileEscape(stateFile: string, relative: string): string | undefined {
  const dir = dirname(stateFile);
  if (isAbsolute(relative)) return `${relative} is an absolute path; code files must be inside ${dir}, the directory of the state file that names them`;
  if (!isInside(dir, sideFilePath(stateFile, relative))) return `${relative} is outside ${dir}, the directory of the state file that names it`;
  return undefined;
}

const FILE_FIELDS = ALL_KINDS.flatMap((kind) => (kind.file.codeFields ?? []).map((field) => `${field}${FILE_SUFFIX}`));
const MENTIONS_FILE_FIELD = new RegExp(`\\b(?:${FILE_FIELDS.join('|')})\\b`);

/**
 * Every `<field>_file` a state file's text asks for (read before the pure core runs). Only a text that mentions such a
 * field is parsed here; one that does not parse asks for nothing (the core reports it).
 */
export function sideFileRequests(stateFile: string, text: string): Array<{ path: string; dir: string }> {
  if (!MENTIONS_FILE_FIELD.test(text)) return [];
  let root: Json | undefined;
  try {
    root = yamlLibrary().parse(text) as Json | undefined;
  } catch {
    return [];
  }
  if (!isJsonObject(root)) return [];
  const out = new Set<string>();
  for (const list of Object.values(root)) {
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      if (!isJsonObject(item)) continue;
      for (const field of FILE_FIELDS) {
        const relative = item[field];
        if (typeof relative === 'string' && sideFileEscape(stateFile, relative) === undefined) out.add(sideFilePath(stateFile, relative));
      }
    }
  }
  return [...out].map((path) => ({ path, dir: dirname(stateFile) }));
}

const NONE: readonly Problem[] = [];

/** Loads `<field>_file` contents into `<field>`, then checks the Lua: syntax and size. */
export function loadCodeFields(draft: DraftEntity, sideFiles: ReadonlyMap<string, SideFileContent>): readonly Problem[] {
  const fields = kindOf(draft.kind).file.codeFields;
  if (!fields) return NONE;
  const problems: Problem[] = [];
  const source = draft.file.source;
  const report = (field: string, message: string) => problems.push(problemAt(source, [...draft.path, field], message));
  for (const field of fields) {
    const fileField = `${field}${FILE_SUFFIX}`;
    const relative = draft.fields[fileField];
    if (typeof relative === 'string') {
      delete draft.fields[fileField];
      if (draft.fields[field] !== undefined) {
        report(fileField, `set either ${field} or ${fileField}, not both`);
        continue;
      }
      const escape = sideFileEscape(source.file, relative);
      if (escape !== undefined) {
        report(fileField, escape);
        continue;
      }
      const content = sideFiles.get(sideFilePath(source.file, relative));
      if (typeof content !== 'string') {
        report(fileField, content?.problem ?? `cannot read ${sideFilePath(source.file, relative)}`);
        continue;
      }
      draft.fields[field] = content;
    }
    const code = draft.fields[field];
    if (typeof code !== 'string') {
      report(field, `missing required field "${field}" (or ${fileField})`);
      continue;
    }
    const bytes = Buffer.byteLength(code, 'utf8');
    if (bytes > MAX_LUA_BYTES) report(field, `${field} is ${bytes} bytes; Konnect accepts at most ${MAX_LUA_BYTES} bytes (100 KB) per plugin file`);
    try {
      luaparse.parse(code, { luaVersion: 'LuaJIT' });
    } catch (error) {
      const lua = error as { message?: string; line?: number };
      const where = typeof relative === 'string' ? sideFilePath(source.file, relative) : `${field}`;
      const problem = problemAt(source, [...draft.path, typeof relative === 'string' ? fileField : field], `${where}: Lua syntax error: ${lua.message ?? String(error)}`);
      // Inline in a block scalar: point at the YAML line that holds the Lua line (the last one for an error at the end).
      const text = typeof relative === 'string' ? undefined : source.locateText([...draft.path, field]);
      if (text?.block && typeof lua.line === 'number') {
        const lines = code.endsWith('\n') ? code.split('\n').length - 1 : code.split('\n').length;
        problem.line = text.line + Math.min(lua.line, Math.max(lines, 1)) - 1;
        problem.column = text.column;
      }
      problems.push(problem);
    }
  }
  return problems;
}
