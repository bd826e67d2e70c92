import type { Json, JsonObject } from '../../model/json.js';
import { bail, LineCursor, NOT_SIMPLE } from './block-line.js';
import { BlockPositions, MAP, NO_BLOCK, SEQ } from './block-positions.js';

export { isPlainString } from './block-line.js';

export interface BlockYaml {
  value: Json;
  /** Offset of the root node's first character. */
  rootOffset: number;
  /** Where the key or item at a path was written; its deepest existing ancestor's when it is absent. */
  offsets: Pick<BlockPositions, 'offsetOf'>;
  /** Deepest nesting of maps and sequences. */
  depth: number;
  /** Where the nesting first reached each depth (index: depth − 1), in text order: a too-deep file is reported there. */
  depthStarts: readonly number[];
  /** The offset where each line starts, in order: the reader passes them all anyway. */
  lineStarts: Int32Array;
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

interface Frame {
  seq: boolean;
  indent: number;
  /** A map's object; a sequence's array once it ends (its items are gathered in the reader's `items` until then). */
  node: Json[] | JsonObject;
  /** A sequence written at its parent key's indentation (`key:\n- a`): it ends at the next key of that parent. */
  compact: boolean;
  /** The frame holding this one (undefined for the root), this one's key or index in it. */
  parent: Frame | undefined;
  key: string | number;
  /** Index in `scratch` of the slot that takes this block's index in BlockPositions, in its parent's values. */
  positionsIndex: number;
  /** Where this block's positions and (a sequence's) items begin in `scratch` and `items`. */
  start: number;
  itemStart: number;
  /**
   * A map's plain keys so far, in order; beyond `count`, those of the map this frame held before (maps at one depth
   * are mostly list items with the same keys in the same order: each key is first looked for as the one before).
   */
  keys: Array<string | undefined>;
  count: number;
}

const HASH = 35;

/**
 * Reads the text where it lies (offsets into it, no string per line). Positions and sequence items are gathered on two
 * stacks shared by all open blocks; as each block ends its positions go to BlockPositions and a sequence's items are
 * copied out at their exact size (arrays grown one push at a time would keep room for more, and the state keeps them).
 */
class BlockReader extends LineCursor {
  /** The open blocks, innermost last: `frames[0..open)`. Frames are reused by depth (a file has millions of blocks). */
  private readonly frames: Frame[] = [];
  private open = 0;
  private readonly scratch: Array<string | number> = [];
  private readonly items: Json[] = [];
  private readonly positions = new BlockPositions();
  /** A key or item whose value is not on its line: a nested block on the next lines, or null. */
  private pendingFrame: Frame | undefined;
  private pendingKey: string | number = 0;
  private root: Frame | undefined;
  private rootOffset = 0;
  private depth = 0;
  private readonly depthStarts: number[] = [];
  private lineStarts = new Int32Array(1024);
  private lineCount = 0;

  read(): BlockYaml | undefined {
    const text = this.text;
    // A byte order mark opening the text is not part of the first key for yaml: it reads that text.
    if (text.charCodeAt(0) === 0xfeff || text.includes('\t') || /\r(?!\n)/.test(text)) bail();
    let start = 0;
    let first = true;
    while (start <= text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      this.addLineStart(start);
      this.readLine(start, lineEnd, first);
      if (first) {
        const line = text.slice(start, lineEnd);
        if (line.trim() !== '' && !line.trimStart().startsWith('#')) first = false;
      }
      start = end + 1;
    }
    this.settlePending();
    if (!this.root) bail();
    while (this.open > 0) this.close();
    this.positions.rootOffset = this.rootOffset;
    const lineStarts = this.lineStarts.subarray(0, this.lineCount);
    return { value: this.root!.node, rootOffset: this.rootOffset, offsets: this.positions, depth: this.depth, depthStarts: this.depthStarts, lineStarts };
  }

  private addLineStart(start: number): void {
    if (this.lineCount === this.lineStarts.length) {
      const grown = new Int32Array(this.lineStarts.length * 2);
      grown.set(this.lineStarts);
      this.lineStarts = grown;
    }
    this.lineStarts[this.lineCount++] = start;
  }

  private readLine(lineStart: number, lineEnd: number, first: boolean): void {
    const text = this.text;
    let at = lineStart;
    while (at < lineEnd && text.charCodeAt(at) === 32) at++;
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

  /** One map entry or sequence item starting at offset `at` of the current line. */
  private readEntry(at: number): void {
    const column = at - this.lineStart;
    const isItem = this.isDash(at);
    this.openPending(column, isItem);
    while (this.open > 0) {
      const top = this.frames[this.open - 1]!;
      if (top.indent > column || (top.indent === column && top.compact && !isItem)) this.close();
      else break;
    }
    let frame = this.open > 0 ? this.frames[this.open - 1] : undefined;
    if (!frame) {
      if (this.root) bail();
      frame = this.push(isItem, column, false, undefined, 0, 0, at);
      this.root = frame;
      this.rootOffset = at;
    }
    if (frame.indent !== column || frame.seq !== isItem) bail();
    if (isItem) this.readItem(frame, at);
    else this.readPair(frame, this.knownKeyAt(at, frame.keys[frame.count]) ?? this.keyAt(at) ?? bail(), at);
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
        this.scratch.push(this.lineStart + column, NO_BLOCK);
        this.items.push(null);
      }
      const child = this.push(isItem, column, compact, parent, key, this.scratch.length - 1, this.lineStart + column);
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

  /** Opens a block whose first key or item is at offset `at`. */
  private push(seq: boolean, indent: number, compact: boolean, parent: Frame | undefined, key: string | number, positionsIndex: number, at: number): Frame {
    let frame = this.frames[this.open];
    if (!frame) this.frames.push((frame = { seq, indent, node: EMPTY, compact, parent, key, positionsIndex, start: 0, itemStart: 0, keys: [], count: 0 }));
    frame.seq = seq;
    frame.indent = indent;
    frame.node = seq ? EMPTY : {};
    frame.compact = compact;
    frame.parent = parent;
    frame.key = key;
    frame.positionsIndex = positionsIndex;
    frame.start = this.scratch.length;
    frame.itemStart = this.items.length;
    frame.count = 0;
    this.scratch.push(seq ? SEQ : MAP);
    this.open++;
    this.reach(this.open, at);
    return frame;
  }

  /** Ends the innermost block: its positions go to BlockPositions, a sequence's items become an exact-size array. */
  private close(): void {
    const frame = this.frames[--this.open]!;
    const index = this.positions.add(this.scratch, frame.start);
    this.scratch.length = frame.start;
    if (frame.parent) this.scratch[frame.positionsIndex] = index;
    else this.positions.root = index;
    if (!frame.seq) return;
    frame.node = this.items.slice(frame.itemStart);
    this.items.length = frame.itemStart;
    if (frame.parent) this.setChild(frame.parent, frame.key, frame.node);
  }

  private readItem(frame: Frame, at: number): void {
    const start = this.skipSpaces(at + 1);
    if (this.isEmptyFrom(start)) {
      this.pendingFrame = frame;
      this.pendingKey = this.items.length - frame.itemStart;
      return;
    }
    if (this.isDash(start)) bail();
    this.scratch.push(start, NO_BLOCK);
    const key = this.knownKeyAt(start, this.frames[this.open]?.keys[0]) ?? this.keyAt(start);
    if (key !== undefined) {
      this.items.push(null);
      const map = this.push(false, start - this.lineStart, false, frame, this.items.length - 1 - frame.itemStart, this.scratch.length - 1, start);
      this.items[this.items.length - 1] = map.node;
      this.readPair(map, key, start);
      return;
    }
    this.items.push(this.valueAt(start));
  }

  /** A one-line value; an empty flow collection (`[]`, `{}`) is a level of nesting, as `yaml` counts it. */
  private valueAt(at: number): Json {
    const value = this.scalarAt(at);
    if (value !== null && typeof value === 'object') this.reach(this.open + 1, at);
    return value;
  }

  /** A node at `depth` starts at offset `at`: the deepest nesting so far, and where each depth was first reached. */
  private reach(depth: number, at: number): void {
    while (this.depth < depth) {
      this.depthStarts.push(at);
      this.depth++;
    }
  }

  /** The entry whose key `name` starts at `at` (`tokenEnd` is the offset after its colon). */
  private readPair(frame: Frame, name: string, at: number): void {
    const map = frame.node as JsonObject;
    if (name === '__proto__' || name === '<<' || Object.prototype.hasOwnProperty.call(map, name)) bail();
    frame.keys[frame.count++] = this.keyWasPlain ? name : undefined;
    this.scratch.push(name, at, NO_BLOCK);
    if (this.isEmptyFrom(this.tokenEnd)) {
      map[name] = null;
      this.pendingFrame = frame;
      this.pendingKey = name;
      return;
    }
    map[name] = this.valueAt(this.skipSpaces(this.tokenEnd));
  }
}

/** A placeholder until a sequence ends: never part of a result. */
const EMPTY: never[] = [];
