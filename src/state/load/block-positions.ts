import type { FieldPath } from './field-path.js';

export const SEQ = 1;
export const MAP = 0;
/** The child of a scalar (or empty) value: no block. */
export const NO_BLOCK = -1;

/** Slots per chunk; a block that does not fit in one gets a chunk of its own size. */
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;

/**
 * Where the keys and items of a block-style text were written, in a few large arrays (chunks) for the whole text
 * rather than an array per map and sequence: 100,000 entities would otherwise leave half a million small arrays for
 * the garbage collector to copy while the file is read, and one growing array would be copied as it grows. Each block,
 * as it ends, is appended as `SEQ, slots, (offset, child)*` (offset of each item) or `MAP, slots, (key, offset,
 * child)*` (offset of each key), where `slots` counts the values after it and `child` is the child block's index
 * (chunk number × CHUNK + where it starts in its chunk), or NO_BLOCK.
 */
export class BlockPositions {
  private readonly chunks: Array<Array<string | number>> = [];
  /** The chunk small blocks are added to, and how much of it is used. */
  private current = -1;
  private used = CHUNK;
  /** Index of the root block and offset of its first character, set once the text is read. */
  root = NO_BLOCK;
  rootOffset = 0;

  /** Appends a block's values (`values[start]` is SEQ or MAP, the rest its entries) and returns its index. */
  add(values: ReadonlyArray<string | number>, start: number): number {
    const size = values.length - start + 1;
    let chunk: Array<string | number>;
    let base: number;
    let index: number;
    if (size > CHUNK) {
      chunk = new Array<string | number>(size);
      base = 0;
      index = this.chunks.length * CHUNK;
      this.chunks.push(chunk);
    } else {
      if (this.used + size > CHUNK) {
        this.current = this.chunks.length;
        this.chunks.push(new Array<string | number>(CHUNK));
        this.used = 0;
      }
      chunk = this.chunks[this.current]!;
      base = this.used;
      index = this.current * CHUNK + base;
      this.used += size;
    }
    chunk[base] = values[start]!;
    chunk[base + 1] = size - 2;
    for (let i = start + 1, to = base + 2; i < values.length; i++, to++) chunk[to] = values[i]!;
    return index;
  }

  /** The offset of the key or item at `path`; its deepest existing ancestor's when it is absent. */
  offsetOf(path: FieldPath): number {
    let offset = this.rootOffset;
    let block = this.root;
    for (let s = 0; s < path.length && block !== NO_BLOCK; s++) {
      const segment = path[s]!;
      const chunk = this.chunks[block >> CHUNK_BITS]!;
      const base = block & (CHUNK - 1);
      const first = base + 2;
      const end = first + (chunk[base + 1] as number);
      let at = NO_BLOCK;
      if (chunk[base] === SEQ) {
        if (typeof segment === 'number' && Number.isInteger(segment) && segment >= 0 && first + 2 * segment < end) at = first + 2 * segment;
      } else {
        const key = String(segment);
        for (let i = first; i < end; i += 3) {
          if (chunk[i] === key) {
            at = i + 1;
            break;
          }
        }
      }
      if (at === NO_BLOCK) break;
      offset = chunk[at] as number;
      block = chunk[at + 1] as number;
    }
    return offset;
  }
}
