import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Json } from '../../model/json.js';
import type { Problem } from '../../errors.js';
import { formatFieldPath, type FieldPath } from './field-path.js';

export interface Position {
  line: number;
  column: number;
}

/** A parsed state file: its data, and where each part of it was written. */
export interface ParsedSource {
  file: string;
  /** `undefined` for an empty file. */
  value: Json | undefined;
  /** Position of the value (or, for a map key, the key) at `path`; the deepest existing ancestor when it is absent. */
  locate(path: FieldPath): Position;
  /**
   * Where the text of the string at `path` starts, for pointing inside it (a Lua line in a handler): a block scalar's
   * (`|`) first content line, `block: true`; a flow scalar's opening. Undefined when `path` holds no scalar.
   */
  locateText(path: FieldPath): (Position & { block: boolean }) | undefined;
}

/**
 * Parses YAML (JSON is YAML) keeping positions. decK reads only the first document; a second one is an error here
 * rather than silently ignored.
 */
export function parseSource(file: string, text: string, originalLines?: readonly number[]): { source?: ParsedSource; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const original = (line: number) => originalLines?.[line - 1] ?? line;
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((error) => {
      const position = lineCounter.linePos(error.pos[0]);
      return { file, line: original(position.line), column: position.col, message: `invalid YAML: ${error.message.split('\n')[0]}` };
    });
    return { problems };
  }
  const value = doc.contents === null ? undefined : (doc.toJS({ maxAliasCount: 1000 }) as Json);
  const at = (offset: number): Position => {
    const position = lineCounter.linePos(offset);
    return { line: original(position.line), column: position.col };
  };
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
  const locate = (path: FieldPath): Position => walk(path).found;
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
  return { source: { file, value, locate, locateText }, problems: [] };
}

/** A problem at `path` in a parsed file: its file, line and column, and the field path. */
export function problemAt(source: ParsedSource, path: FieldPath, message: string, hint?: string): Problem {
  const problem: Problem = { file: source.file, ...source.locate(path), message };
  if (path.length > 0) problem.path = formatFieldPath(path);
  if (hint) problem.hint = hint;
  return problem;
}
