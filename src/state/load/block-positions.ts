import type { FieldPath } from './field-path.js';

export const SEQ = 1;
export const MAP = 0;
/** The child of a scalar (or empty) value: no block. */
export const NO_BLOCK = -1;

/**
 * Where the keys and items of a block-style text were written, in one flat array for the whole text rather than an
 * array per map and sequence: 100,000 entities would otherwise leave half a million small arrays for the garbage
 * collector to copy while the file is read. Each block, as it ends, is appended as
 * `SEQ, slots, (offset, child)*` (offset of each item) or `MAP, slots, (key, offset, child)*` (offset of each key),
 * where `slots` counts the values after it and `child` is the index of the child block, or NO_BLOCK.
 */
export class BlockPositions {
  readonly flat: Array<string | number> = [];
  /** Index of the root block and offset of its first character, set once the text is read. */
  root = NO_BLOCK;
  rootOffset = 0;

  /** Appends a block's values (`values[start]` is SEQ or MAP) and returns its index. */
  add(values: ReadonlyArray<string | number>, start: number): number {
    const flat = this.flat;
    const base = flat.length;
    flat.push(values[start]!, values.length - start - 1);
    for (let i = start + 1; i < values.length; i++) flat.push(values[i]!);
    return base;
  }

  /** The offset of the key or item at `path`; its deepest existing ancestor's when it is absent. */
  offsetOf(path: FieldPath): number {
    const flat = this.flat;
    let offset = this.rootOffset;
    let block = this.root;
    for (let s = 0; s < path.length && block !== NO_BLOCK; s++) {
      const segment = path[s]!;
      const first = block + 2;
      const end = first + (flat[block + 1] as number);
      let at = NO_BLOCK;
      if (flat[block] === SEQ) {
        if (typeof segment === 'number' && Number.isInteger(segment) && segment >= 0 && first + 2 * segment < end) at = first + 2 * segment;
      } else {
        const key = String(segment);
        for (let i = first; i < end; i += 3) {
          if (flat[i] === key) {
            at = i + 1;
            break;
          }
        }
      }
      if (at === NO_BLOCK) break;
      offset = flat[at] as number;
      block = flat[at + 1] as number;
    }
    return offset;
  }
}
