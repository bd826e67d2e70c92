import type { Document, Node } from 'yaml';
import { cloneJson, type Json } from '../../model/json.js';
import type { Problem } from '../../errors.js';
import { parseBlockYaml, type BlockYaml } from './block-yaml.js';
import { ValueLocator } from './block-line.js';
import { formatFieldPath, type FieldPath } from './field-path.js';
import { yamlLibrary } from './yaml-library.js';

export interface Position {
  line: number;
  column: number;
}

/** A parsed state file: its data, and where each part of it was written. */
export interface ParsedSource {
  file: string;
  /**
   * `undefined` for an empty file. A tree: no object or array appears twice in it (aliases are copies). The loader owns
   * it: `locate` never reads it, so the loader may change it and hand its parts to entities.
   */
  value: Json | undefined;
  /** Position of the value (or, for a map key, the key) at `path`; the deepest existing ancestor when it is absent. */
  locate(path: FieldPath): Position;
  /**
   * Where the text of the string at `path` starts, for pointing inside it (a Lua line in a handler): a block scalar's
   * (`|`) first content line, `block: true`; a flow scalar's opening. Undefined when `path` holds no scalar.
   */
  locateText(path: FieldPath): (Position & { block: boolean }) | undefined;
}

/** Deeper than any Konnect or decK entity; bounds the recursion of every later step (schema, clone, diff). */
export const MAX_DEPTH = 64;
/** Aliases a file may expand; more is an alias bomb (a few kilobytes that expand to gigabytes). */
const MAX_ALIASES = 1000;

/** Offsets where lines start, in order. */
type LineStarts = ArrayLike<number>;

/** Line and column (1-based) of text offsets, from a table of line starts: `known`, else built on first use. */
function offsetLocator(text: string, originalLines?: readonly number[], known?: LineStarts): (offset: number) => Position {
  let starts: LineStarts | undefined = known;
  return (offset) => {
    if (!starts) {
      const found = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) found.push(i + 1);
      starts = found;
    }
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: originalLines?.[low] ?? low + 1, column: offset - starts[low]! + 1 };
  };
}

type Located = Pick<ParsedSource, 'locate' | 'locateText'>;

/**
 * Locates paths in the fast reader's result. Its strings are all one-line (block scalars take the `yaml` path), so a
 * string's text is located where its value starts on its key's or item's line, as the `yaml` path locates it.
 */
function blockLocated(parsed: BlockYaml, at: (offset: number) => Position, text: string): Located {
  const locate = (path: FieldPath) => at(parsed.offsets.offsetOf(path));
  const valueAt = (path: FieldPath): unknown => {
    let node: unknown = parsed.value;
    for (const segment of path) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[String(segment)] : undefined;
    return node;
  };
  const values = new ValueLocator(text);
  const locateText = (path: FieldPath) => {
    if (typeof valueAt(path) !== 'string') return undefined;
    return { ...at(values.valueStart(parsed.offsets.offsetOf(path), typeof path.at(-1) === 'string')), block: false };
  };
  return { locate, locateText };
}

/** Locates paths in a `yaml` document. */
function documentLocated(doc: Document, text: string, at: (offset: number) => Position): Located {
  const { isMap, isPair, isScalar, isSeq } = yamlLibrary();
  const walk = (path: FieldPath): { found: Position; node: Node | null; complete: boolean } => {
    let node: Node | null = doc.contents as Node | null;
    let found: Position = node?.range ? at(node.range[0]) : { line: 1, column: 1 };
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) return { found, node, complete: false };
        const key = pair.key as Node;
        if (key.range) found = at(key.range[0]);
        node = pair.value as Node | null;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment] as Node | undefined;
        if (!item) return { found, node, complete: false };
        if (item.range) found = at(item.range[0]);
        node = item;
      } else {
        return { found, node, complete: false };
      }
    }
    return { found, node, complete: true };
  };
  const locateText = (path: FieldPath): (Position & { block: boolean }) | undefined => {
    const { node, complete } = walk(path);
    if (!complete || !isScalar(node) || !node.range) return undefined;
    if (node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED') return { ...at(node.range[0]), block: false };
    const lineEnd = text.indexOf('\n', node.range[0]);
    if (lineEnd < 0) return { ...at(node.range[0]), block: true };
    let start = lineEnd + 1;
    while (text[start] === ' ') start += 1;
    return { ...at(start), block: true };
  };
  return { locate: (path) => walk(path).found, locateText };
}

/**
 * Offset of the first flow bracket (`[`, `{`) nested deeper than MAX_DEPTH, brackets in strings counted too. `yaml`
 * must not see such text: ten thousand brackets make it run out of memory rather than report an error.
 */
function tooDeepFlow(text: string): number | undefined {
  let depth = 0;
  for (let i = text.search(/[[{]/); i >= 0 && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) {
      if (++depth > MAX_DEPTH) return i;
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return undefined;
}

/** The first node nested deeper than MAX_DEPTH, and the first alias (where an alias bomb is reported). */
function scanDocument(doc: Document): { tooDeep?: number; firstAlias?: number } {
  const { isAlias, isMap, isSeq, visit } = yamlLibrary();
  const found: { tooDeep?: number; firstAlias?: number } = {};
  visit(doc, (_key, node, path) => {
    if (isAlias(node)) found.firstAlias ??= node.range?.[0] ?? 0;
    if ((isMap(node) || isSeq(node)) && path.length >= MAX_DEPTH && path.filter((p) => isMap(p) || isSeq(p)).length >= MAX_DEPTH) {
      found.tooDeep = node.range?.[0] ?? 0;
      return visit.BREAK;
    }
    return undefined;
  });
  return found;
}

/**
 * Parses YAML (JSON is YAML) keeping positions: the one place that turns state-file text into data. Block-style
 * files take a one-pass fast path (`parseBlockYaml`); anything else, and every error, is the `yaml` package's.
 * decK reads only the first document; a second one is an error here rather than silently ignored.
 */
export function parseSource(file: string, text: string, originalLines?: readonly number[]): { source?: ParsedSource; problems: Problem[] } {
  const read = parseBlockYaml(text);
  if (read) {
    const at = offsetLocator(text, originalLines, read.lineStarts);
    // At the first node deeper than allowed, where the yaml path (scanDocument) reports it too.
    if (read.depth > MAX_DEPTH) return { problems: [{ file, ...at(read.depthStarts[MAX_DEPTH]!), message: `nested deeper than ${MAX_DEPTH} levels` }] };
    return { source: { file, value: read.value, ...blockLocated(read, at, text) }, problems: [] };
  }
  const at = offsetLocator(text, originalLines);
  const problem = (offset: number, message: string): { problems: Problem[] } => ({ problems: [{ file, ...at(offset), message }] });
  const deepFlow = tooDeepFlow(text);
  if (deepFlow !== undefined) return problem(deepFlow, `nested deeper than ${MAX_DEPTH} levels`);
  let doc: Document;
  try {
    doc = yamlLibrary().parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  } catch (error) {
    // The parser recurses on nesting: a pathological file exhausts the stack before any depth check can run.
    if (error instanceof RangeError) return problem(0, `invalid YAML: nested too deeply to read (${error.message})`);
    throw error;
  }
  if (doc.errors.length > 0) {
    return { problems: doc.errors.map((error) => ({ file, ...at(error.pos[0]), message: `invalid YAML: ${error.message.split('\n')[0]}` })) };
  }
  const scan = scanDocument(doc);
  if (scan.tooDeep !== undefined) return problem(scan.tooDeep, `nested deeper than ${MAX_DEPTH} levels`);
  let value: Json | undefined;
  try {
    value = doc.contents === null ? undefined : (doc.toJS({ maxAliasCount: MAX_ALIASES }) as Json);
  } catch (error) {
    // `yaml` refuses an alias bomb without saying where: at the first alias.
    return problem(scan.firstAlias ?? 0, `invalid YAML: ${(error as Error).message}`);
  }
  // An alias is the anchored object itself, not a copy: copied once here, the value is a tree like the fast path's, so
  // the loader may hand its parts to entities without copying them.
  if (scan.firstAlias !== undefined && value !== undefined) value = cloneJson(value);
  return { source: { file, value, ...documentLocated(doc, text, at) }, problems: [] };
}

/** A problem at `path` in a parsed file: its file, line and column, and the field path. */
export function problemAt(source: ParsedSource, path: FieldPath, message: string, hint?: string): Problem {
  const problem: Problem = { file: source.file, ...source.locate(path), message };
  if (path.length > 0) problem.path = formatFieldPath(path);
  if (hint) problem.hint = hint;
  return problem;
}
