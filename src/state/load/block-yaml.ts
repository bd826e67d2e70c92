import type { Json, JsonObject } from '../../model/json.js';

/**
 * Where a map's or sequence's children were written (offsets into the text), shaped like the data itself so that
 * nothing is keyed by object: `[SEQ, offset, child, offset, child...]` for a sequence (offset of each item),
 * `[MAP, key, offset, child, ...]` for a map (offset of each key); `child` is the child's Positions, 0 for a scalar.
 */
export type Positions = Array<string | number | Positions>;
export const SEQ = 1;
export const MAP = 0;

export interface BlockYaml {
  value: Json;
  /** Offset of the root node's first character. */
  rootOffset: number;
  positions: Positions;
  /** Deepest nesting of maps and sequences. */
  depth: number;
}

/**
 * The fast path of `parseSource`: block-style YAML made of maps, sequences and one-line scalars (what decK dumps and
 * most hand-written state files are), read in one pass over the lines. It only ever accepts text that the `yaml`
 * package reads to the same data: anything else (flow collections other than `[]`/`{}`, block scalars, anchors,
 * tags, multi-line scalars, duplicate keys, errors of any kind...) returns `undefined` and `yaml` reads the file,
 * so every error message and every rare construct keeps coming from one parser.
 */
export function parseBlockYaml(text: string): BlockYaml | undefined {
  try {
    return new BlockReader(text).read();
  } catch (error) {
    if (error === NOT_SIMPLE) return undefined;
    throw error;
  }
}

const NOT_SIMPLE = new Error('not in the fast subset');
const bail = (): never => {
  throw NOT_SIMPLE;
};

interface Frame {
  seq: boolean;
  indent: number;
  node: Json[] | JsonObject;
  positions: Positions;
  /** A sequence written at its parent key's indentation (`key:\n- a`): it ends at the next key of that parent. */
  compact: boolean;
  /** The frame holding this one (undefined for the root), this one's key or index in it, and its index in its positions. */
  parent: Frame | undefined;
  key: string | number;
  positionsIndex: number;
}

/** A key or item whose value is not on its line: a nested block on the next lines, or null. */
interface Pending {
  frame: Frame;
  key: string | number;
}

// The core schema of `yaml` (YAML 1.2): null, booleans, decimal integers and floats are resolved here; any other
// plain scalar the schema would not read as a string (hex, octal, .inf, .nan) goes to `yaml`.
const NULL = /^(?:~|[Nn]ull|NULL)$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const OTHER_CORE = /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
/** Characters that cannot begin a plain scalar here (YAML indicators; `-` only when followed by a space). */
const INDICATOR = new Set([...'[]{},#&*!|>\'"%@`?:']);
/** The escapes YAML and JSON share, so JSON.parse decodes a double-quoted scalar that uses only these. */
const JSON_ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/g;

/** First characters of the plain scalars the core schema may read as something other than a string. */
const MAYBE_NOT_STRING = /^[-+.0-9~nNtTfF]/;

function plainValue(raw: string): Json {
  if (raw === '') return null;
  if (!MAYBE_NOT_STRING.test(raw)) return raw;
  if (NULL.test(raw)) return null;
  if (BOOL.test(raw)) return raw[0] === 't' || raw[0] === 'T';
  if (INT.test(raw)) return parseInt(raw, 10);
  if (FLOAT.test(raw) || EXP.test(raw)) return parseFloat(raw);
  if (OTHER_CORE.test(raw)) bail();
  return raw;
}

/** Whether `text`, written as a plain scalar, reads back as that string (not null, a boolean or a number). */
export function isPlainString(text: string): boolean {
  if (text === '' || !MAYBE_NOT_STRING.test(text)) return text !== '';
  return !(NULL.test(text) || BOOL.test(text) || INT.test(text) || FLOAT.test(text) || EXP.test(text) || OTHER_CORE.test(text));
}

class BlockReader {
  private readonly stack: Frame[] = [];
  private pending: Pending | undefined;
  private root: Frame | undefined;
  private depth = 0;
  private line = '';
  private lineStart = 0;

  constructor(private readonly text: string) {}

  read(): BlockYaml | undefined {
    const text = this.text;
    if (text.includes('\t') || /\r(?!\n)/.test(text)) bail();
    let start = 0;
    let first = true;
    while (start <= text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const line = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
      this.readLine(line, start, first);
      if (first && line.trim() !== '' && !line.trimStart().startsWith('#')) first = false;
      start = end + 1;
    }
    this.settlePending();
    if (!this.root) bail();
    while (this.stack.length > 0) this.close();
    return { value: this.root!.node, rootOffset: this.rootOffset, positions: this.root!.positions, depth: this.depth };
  }

  private rootOffset = 0;

  private readLine(line: string, lineStart: number, first: boolean): void {
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    if (indent === line.length || line.charCodeAt(indent) === 35 /* # */) return;
    if (indent === 0) {
      if (line.startsWith('---')) {
        if (first && line.slice(3).trim() === '') return;
        bail();
      }
      if (line.startsWith('...') || line[0] === '%') bail();
    }
    this.line = line;
    this.lineStart = lineStart;
    this.readEntry(indent);
  }

  /** One map entry or sequence item starting at column `at` of the current line. */
  private readEntry(at: number): void {
    const line = this.line;
    const isItem = line.charCodeAt(at) === 45 /* - */ && (at + 1 === line.length || line.charCodeAt(at + 1) === 32);
    this.openPending(at, isItem);
    while (this.stack.length > 0) {
      const top = this.stack[this.stack.length - 1]!;
      if (top.indent > at || (top.indent === at && top.compact && !isItem)) this.close();
      else break;
    }
    let frame = this.stack[this.stack.length - 1];
    if (!frame) {
      if (this.root) bail();
      frame = this.push(isItem, at, false, undefined, 0, 0);
      this.root = frame;
      this.rootOffset = this.lineStart + at;
    }
    if (frame.indent !== at || frame.seq !== isItem) bail();
    if (isItem) this.readItem(frame, at);
    else this.readPair(frame, at);
  }

  /** Opens the block a pending key or item announced, if this line belongs to it; else the pending value is null. */
  private openPending(at: number, isItem: boolean): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    const parent = pending.frame;
    const compact = isItem && !parent.seq && at === parent.indent;
    if (at > parent.indent || compact) {
      if (parent.seq) parent.positions.push(this.lineStart + at, 0);
      const child = this.push(isItem, at, compact, parent, pending.key, parent.positions.length - 1);
      this.assign(parent, pending.key, child.node);
      parent.positions[child.positionsIndex] = child.positions;
    } else {
      this.settle(pending);
    }
  }

  private settlePending(): void {
    if (this.pending) this.settle(this.pending);
    this.pending = undefined;
  }

  /** A key with nothing under it is null; an item with nothing under it has no position `yaml` would agree on. */
  private settle(pending: Pending): void {
    if (pending.frame.seq) bail();
    this.assign(pending.frame, pending.key, null);
  }

  private push(seq: boolean, indent: number, compact: boolean, parent: Frame | undefined, key: string | number, positionsIndex: number): Frame {
    const node: Json[] | JsonObject = seq ? [] : {};
    const frame: Frame = { seq, indent, node, positions: [seq ? SEQ : MAP], compact, parent, key, positionsIndex };
    this.stack.push(frame);
    if (this.stack.length > this.depth) this.depth = this.stack.length;
    return frame;
  }

  /**
   * Ends the innermost block: its arrays (positions, a sequence's items) are replaced by exact-size copies. Arrays grown
   * one push at a time keep room for more (17 slots for a one-tag list) and the loaded state keeps them all (a third of
   * a 100k-entity state's heap); copied here, the grown ones die young instead of being promoted and copied again.
   */
  private close(): void {
    const frame = this.stack.pop()!;
    frame.positions = frame.positions.slice();
    if (frame.seq) frame.node = (frame.node as Json[]).slice();
    const parent = frame.parent;
    if (!parent) return;
    parent.positions[frame.positionsIndex] = frame.positions;
    if (frame.seq) this.assign(parent, frame.key, frame.node, true);
  }

  /** Adds an item or key; `replace`: sets the one already at `key`. */
  private assign(frame: Frame, key: string | number, value: Json, replace = false): void {
    if (frame.seq && !replace) (frame.node as Json[]).push(value);
    else if (frame.seq) (frame.node as Json[])[key as number] = value;
    else (frame.node as JsonObject)[key as string] = value;
  }

  private readItem(frame: Frame, at: number): void {
    const line = this.line;
    let start = at + 1;
    while (line.charCodeAt(start) === 32) start++;
    if (start >= line.length || line.charCodeAt(start) === 35) {
      this.pending = { frame, key: (frame.node as Json[]).length };
      return;
    }
    if (line.charCodeAt(start) === 45 && (start + 1 === line.length || line.charCodeAt(start + 1) === 32)) bail();
    const key = this.keyAt(start);
    if (key) {
      const map = this.push(false, start, false, frame, (frame.node as Json[]).length, frame.positions.length + 1);
      (frame.node as Json[]).push(map.node);
      frame.positions.push(this.lineStart + start, map.positions);
      this.readPair(map, start);
      return;
    }
    frame.positions.push(this.lineStart + start, 0);
    (frame.node as Json[]).push(this.scalarAt(start));
  }

  private readPair(frame: Frame, at: number): void {
    const key = this.keyAt(at) ?? bail();
    const map = frame.node as JsonObject;
    if (key.name === '__proto__' || key.name === '<<' || Object.prototype.hasOwnProperty.call(map, key.name)) bail();
    frame.positions.push(key.name, this.lineStart + at, 0);
    const line = this.line;
    let start = key.end;
    while (line.charCodeAt(start) === 32) start++;
    if (start >= line.length || line.charCodeAt(start) === 35) {
      map[key.name] = null;
      this.pending = { frame, key: key.name };
      return;
    }
    map[key.name] = this.scalarAt(start);
  }

  /** A `key:` at `at`: its name and the column after the colon; undefined when the line holds no key there. */
  private keyAt(at: number): { name: string; end: number } | undefined {
    const line = this.line;
    const c = line[at]!;
    if (c === '"' || c === "'") {
      const quoted = this.quotedAt(at);
      if (line[quoted.end] !== ':') return undefined;
      if (quoted.end + 1 < line.length && line[quoted.end + 1] !== ' ') bail();
      return { name: quoted.value, end: quoted.end + 1 };
    }
    let colon = line.indexOf(':', at);
    while (colon >= 0 && colon + 1 < line.length && line[colon + 1] !== ' ') colon = line.indexOf(':', colon + 1);
    if (colon < 0) return undefined;
    const name = line.slice(at, colon).trimEnd();
    if (name === '' || INDICATOR.has(c) || (c === '-' && line[at + 1] === ' ') || name.includes(' #')) bail();
    if (typeof plainValue(name) !== 'string') bail();
    return { name, end: colon + 1 };
  }

  /** A one-line scalar (or `[]`/`{}`) from `at` to the end of the line or a comment. */
  private scalarAt(at: number): Json {
    const line = this.line;
    const c = line[at]!;
    let value: Json;
    let end: number;
    if (c === '"' || c === "'") {
      const quoted = this.quotedAt(at);
      value = quoted.value;
      end = quoted.end;
    } else if ((c === '[' && line[at + 1] === ']') || (c === '{' && line[at + 1] === '}')) {
      value = c === '[' ? [] : {};
      end = at + 2;
    } else {
      if (INDICATOR.has(c) || (c === '-' && (at + 1 === line.length || line[at + 1] === ' '))) bail();
      const comment = line.indexOf(' #', at);
      const raw = (comment < 0 ? line.slice(at) : line.slice(at, comment)).trimEnd();
      if (raw.includes(': ') || raw.endsWith(':')) bail();
      return plainValue(raw);
    }
    let rest = end;
    while (line.charCodeAt(rest) === 32) rest++;
    if (rest < line.length && (line[rest] !== '#' || rest === end)) bail();
    return value;
  }

  /** A quoted scalar that closes on its line; `end` is the column after the closing quote. */
  private quotedAt(at: number): { value: string; end: number } {
    const line = this.line;
    if (line[at] === "'") {
      let i = at + 1;
      for (;;) {
        const close = line.indexOf("'", i);
        if (close < 0) bail();
        if (line[close + 1] === "'") i = close + 2;
        else return { value: line.slice(at + 1, close).replaceAll("''", "'"), end: close + 1 };
      }
    }
    let i = at + 1;
    for (;;) {
      const close = line.indexOf('"', i);
      if (close < 0) bail();
      let slashes = 0;
      while (line[close - 1 - slashes] === '\\') slashes++;
      if (slashes % 2 === 1) {
        i = close + 1;
        continue;
      }
      const body = line.slice(at + 1, close);
      if (body.includes('\\') && body.replace(JSON_ESCAPE, '').includes('\\')) bail();
      let value: string;
      try {
        value = body.includes('\\') || /[\u0000-\u001f]/.test(body) ? (JSON.parse(`"${body}"`) as string) : body;
      } catch {
        return bail();
      }
      return { value, end: close + 1 };
    }
  }
}
