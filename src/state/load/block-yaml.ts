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
  /** A map's object; a sequence's array once it ends (its items are gathered in the reader's `items` until then). */
  node: Json[] | JsonObject;
  /** Set as the block ends (gathered in the reader's `scratch` until then). */
  positions: Positions;
  /** A sequence written at its parent key's indentation (`key:\n- a`): it ends at the next key of that parent. */
  compact: boolean;
  /** The frame holding this one (undefined for the root), this one's key or index in it. */
  parent: Frame | undefined;
  key: string | number;
  /** Index in `scratch` of the slot that takes this block's positions in its parent's. */
  positionsIndex: number;
  /** Where this block's positions and (a sequence's) items begin in `scratch` and `items`. */
  start: number;
  itemStart: number;
}

// The core schema of `yaml` (YAML 1.2): null, booleans, decimal integers and floats are resolved here; any other
// plain scalar the schema would not read as a string (hex, octal, .inf, .nan) goes to `yaml`.
const NULL = /^(?:~|[Nn]ull|NULL)$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const OTHER_CORE = /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
/** Characters that cannot begin a plain scalar here (YAML indicators; `-` only when followed by a space), by code. */
const INDICATOR = new Uint8Array(128);
for (const c of '[]{},#&*!|>\'"%@`?:') INDICATOR[c.charCodeAt(0)] = 1;
const isIndicator = (code: number) => code < 128 && INDICATOR[code] === 1;
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

const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const QUOTE = 34;
const APOSTROPHE = 39;

/**
 * Reads the text where it lies (offsets into it, no string per line). Positions and sequence items are gathered on two
 * stacks shared by all open blocks and copied out at their exact size as each block ends: arrays grown one push at a
 * time would keep room for more, and the loaded state keeps them all.
 */
class BlockReader {
  private readonly stack: Frame[] = [];
  private readonly scratch: Positions = [];
  private readonly items: Json[] = [];
  /** A key or item whose value is not on its line: a nested block on the next lines, or null. */
  private pendingFrame: Frame | undefined;
  private pendingKey: string | number = 0;
  private root: Frame | undefined;
  private rootOffset = 0;
  private depth = 0;
  /** The current line: its first offset and the offset after its last character (before `\r\n` or `\n`). */
  private lineStart = 0;
  private lineEnd = 0;
  /** The offset after the key or quoted scalar `keyAt` or `quotedAt` read last. */
  private tokenEnd = 0;

  constructor(private readonly text: string) {}

  read(): BlockYaml | undefined {
    const text = this.text;
    if (text.includes('\t') || /\r(?!\n)/.test(text)) bail();
    let start = 0;
    let first = true;
    while (start <= text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      this.readLine(start, lineEnd, first);
      if (first) {
        const line = text.slice(start, lineEnd);
        if (line.trim() !== '' && !line.trimStart().startsWith('#')) first = false;
      }
      start = end + 1;
    }
    this.settlePending();
    if (!this.root) bail();
    while (this.stack.length > 0) this.close();
    return { value: this.root!.node, rootOffset: this.rootOffset, positions: this.root!.positions, depth: this.depth };
  }

  private readLine(lineStart: number, lineEnd: number, first: boolean): void {
    const text = this.text;
    let at = lineStart;
    while (at < lineEnd && text.charCodeAt(at) === SPACE) at++;
    if (at === lineEnd || text.charCodeAt(at) === HASH) return;
    if (at === lineStart) {
      if (text.startsWith('---', lineStart)) {
        if (first && text.slice(lineStart + 3, lineEnd).trim() === '') return;
        bail();
      }
      if (text.startsWith('...', lineStart) || text.charCodeAt(lineStart) === 37 /* % */) bail();
    }
    this.lineStart = lineStart;
    this.lineEnd = lineEnd;
    this.readEntry(at);
  }

  /** Whether a `-` at `at` is a sequence indicator (followed by a space or the end of the line). */
  private isDash(at: number): boolean {
    return this.text.charCodeAt(at) === DASH && (at + 1 === this.lineEnd || this.text.charCodeAt(at + 1) === SPACE);
  }

  /** The first offset from `at` on the current line that is not a space. */
  private skipSpaces(at: number): number {
    while (at < this.lineEnd && this.text.charCodeAt(at) === SPACE) at++;
    return at;
  }

  /** One map entry or sequence item starting at offset `at` of the current line. */
  private readEntry(at: number): void {
    const column = at - this.lineStart;
    const isItem = this.isDash(at);
    this.openPending(column, isItem);
    while (this.stack.length > 0) {
      const top = this.stack[this.stack.length - 1]!;
      if (top.indent > column || (top.indent === column && top.compact && !isItem)) this.close();
      else break;
    }
    let frame = this.stack[this.stack.length - 1];
    if (!frame) {
      if (this.root) bail();
      frame = this.push(isItem, column, false, undefined, 0, 0);
      this.root = frame;
      this.rootOffset = at;
    }
    if (frame.indent !== column || frame.seq !== isItem) bail();
    if (isItem) this.readItem(frame, at);
    else this.readPair(frame, this.keyAt(at) ?? bail(), at);
  }

  /** Opens the block a pending key or item announced, if this line belongs to it; else the pending value is null. */
  private openPending(column: number, isItem: boolean): void {
    const parent = this.pendingFrame;
    if (!parent) return;
    this.pendingFrame = undefined;
    const key = this.pendingKey;
    const compact = isItem && !parent.seq && column === parent.indent;
    if (column > parent.indent || compact) {
      if (parent.seq) {
        this.scratch.push(this.lineStart + column, 0);
        this.items.push(null);
      }
      const child = this.push(isItem, column, compact, parent, key, this.scratch.length - 1);
      // A map is its parent's value from now on; a sequence once it ends (`close`).
      if (!isItem) this.setChild(parent, key, child.node);
    } else {
      this.settle(parent, key);
    }
  }

  private settlePending(): void {
    if (this.pendingFrame) this.settle(this.pendingFrame, this.pendingKey);
    this.pendingFrame = undefined;
  }

  /** A key with nothing under it is null; an item with nothing under it has no position `yaml` would agree on. */
  private settle(frame: Frame, key: string | number): void {
    if (frame.seq) bail();
    (frame.node as JsonObject)[key as string] = null;
  }

  /** Sets `parent`'s value at `key` (an index of its items for a sequence, which is then the innermost open one). */
  private setChild(parent: Frame, key: string | number, value: Json): void {
    if (parent.seq) this.items[parent.itemStart + (key as number)] = value;
    else (parent.node as JsonObject)[key as string] = value;
  }

  private push(seq: boolean, indent: number, compact: boolean, parent: Frame | undefined, key: string | number, positionsIndex: number): Frame {
    const frame: Frame = {
      seq, indent, node: seq ? EMPTY : {}, positions: EMPTY, compact, parent, key, positionsIndex,
      start: this.scratch.length, itemStart: this.items.length,
    };
    this.scratch.push(seq ? SEQ : MAP);
    this.stack.push(frame);
    if (this.stack.length > this.depth) this.depth = this.stack.length;
    return frame;
  }

  /** Ends the innermost block: its positions (and a sequence's items) leave the shared stacks as exact-size arrays. */
  private close(): void {
    const frame = this.stack.pop()!;
    frame.positions = this.scratch.slice(frame.start);
    this.scratch.length = frame.start;
    if (frame.seq) {
      frame.node = this.items.slice(frame.itemStart);
      this.items.length = frame.itemStart;
    }
    const parent = frame.parent;
    if (!parent) return;
    this.scratch[frame.positionsIndex] = frame.positions;
    if (frame.seq) this.setChild(parent, frame.key, frame.node);
  }

  private readItem(frame: Frame, at: number): void {
    const text = this.text;
    const start = this.skipSpaces(at + 1);
    if (start >= this.lineEnd || text.charCodeAt(start) === HASH) {
      this.pendingFrame = frame;
      this.pendingKey = this.items.length - frame.itemStart;
      return;
    }
    if (this.isDash(start)) bail();
    this.scratch.push(start, 0);
    const key = this.keyAt(start);
    if (key !== undefined) {
      this.items.push(null);
      const map = this.push(false, start - this.lineStart, false, frame, this.items.length - 1 - frame.itemStart, this.scratch.length - 1);
      this.items[this.items.length - 1] = map.node;
      this.readPair(map, key, start);
      return;
    }
    this.items.push(this.scalarAt(start));
  }

  /** The entry whose key `name` starts at `at` and ends at `tokenEnd`. */
  private readPair(frame: Frame, name: string, at: number): void {
    const map = frame.node as JsonObject;
    if (name === '__proto__' || name === '<<' || Object.prototype.hasOwnProperty.call(map, name)) bail();
    this.scratch.push(name, at, 0);
    const start = this.skipSpaces(this.tokenEnd);
    if (start >= this.lineEnd || this.text.charCodeAt(start) === HASH) {
      map[name] = null;
      this.pendingFrame = frame;
      this.pendingKey = name;
      return;
    }
    map[name] = this.scalarAt(start);
  }

  /** A `key:` at `at`: its name (`tokenEnd` is the offset after the colon); undefined when the line holds no key there. */
  private keyAt(at: number): string | undefined {
    const text = this.text;
    const end = this.lineEnd;
    const c = text.charCodeAt(at);
    if (c === QUOTE || c === APOSTROPHE) {
      const name = this.quotedAt(at);
      const after = this.tokenEnd;
      if (after >= end || text.charCodeAt(after) !== COLON) return undefined;
      if (after + 1 < end && text.charCodeAt(after + 1) !== SPACE) bail();
      this.tokenEnd = after + 1;
      return name;
    }
    // The first colon followed by a space or the end of the line.
    let colon = at;
    while (colon < end && !(text.charCodeAt(colon) === COLON && (colon + 1 === end || text.charCodeAt(colon + 1) === SPACE))) colon++;
    if (colon === end) return undefined;
    let nameEnd = colon;
    while (nameEnd > at && text.charCodeAt(nameEnd - 1) === SPACE) nameEnd--;
    const name = text.slice(at, nameEnd);
    if (name === '' || isIndicator(c) || (c === DASH && text.charCodeAt(at + 1) === SPACE) || name.includes(' #')) bail();
    if (typeof plainValue(name) !== 'string') bail();
    this.tokenEnd = colon + 1;
    return name;
  }

  /** A one-line scalar (or `[]`/`{}`) from `at` to the end of the line or a comment. */
  private scalarAt(at: number): Json {
    const text = this.text;
    const lineEnd = this.lineEnd;
    const c = text.charCodeAt(at);
    let value: Json;
    let end: number;
    if (c === QUOTE || c === APOSTROPHE) {
      value = this.quotedAt(at);
      end = this.tokenEnd;
    } else if ((c === 91 /* [ */ && text.charCodeAt(at + 1) === 93) || (c === 123 /* { */ && text.charCodeAt(at + 1) === 125)) {
      value = c === 91 ? [] : {};
      end = at + 2;
    } else {
      if (isIndicator(c) || this.isDash(at)) bail();
      // Up to a comment (` #`), without the spaces before it or the end of the line.
      let stop = at;
      while (stop < lineEnd && !(text.charCodeAt(stop) === SPACE && text.charCodeAt(stop + 1) === HASH)) stop++;
      while (stop > at && text.charCodeAt(stop - 1) === SPACE) stop--;
      // `a: b` or a trailing `:` would be a key: not a plain scalar.
      for (let i = at; i < stop; i++) if (text.charCodeAt(i) === COLON && (i + 1 === stop || text.charCodeAt(i + 1) === SPACE)) bail();
      return plainValue(text.slice(at, stop));
    }
    const rest = this.skipSpaces(end);
    if (rest < lineEnd && (text.charCodeAt(rest) !== HASH || rest === end)) bail();
    return value;
  }

  /** A quoted scalar that closes on its line; `tokenEnd` is the offset after the closing quote. */
  private quotedAt(at: number): string {
    const text = this.text;
    const end = this.lineEnd;
    if (text.charCodeAt(at) === APOSTROPHE) {
      let i = at + 1;
      for (;;) {
        const close = text.indexOf("'", i);
        if (close < 0 || close >= end) bail();
        if (close + 1 < end && text.charCodeAt(close + 1) === APOSTROPHE) i = close + 2;
        else {
          this.tokenEnd = close + 1;
          return text.slice(at + 1, close).replaceAll("''", "'");
        }
      }
    }
    let i = at + 1;
    for (;;) {
      const close = text.indexOf('"', i);
      if (close < 0 || close >= end) bail();
      let slashes = 0;
      while (text.charCodeAt(close - 1 - slashes) === 92 /* \ */) slashes++;
      if (slashes % 2 === 1) {
        i = close + 1;
        continue;
      }
      const body = text.slice(at + 1, close);
      if (body.includes('\\') && body.replace(JSON_ESCAPE, '').includes('\\')) bail();
      let value: string;
      try {
        value = body.includes('\\') || /[\u0000-\u001f]/.test(body) ? (JSON.parse(`"${body}"`) as string) : body;
      } catch {
        return bail();
      }
      this.tokenEnd = close + 1;
      return value;
    }
  }
}

/** A placeholder until a block ends: never part of a result. */
const EMPTY: never[] = [];
