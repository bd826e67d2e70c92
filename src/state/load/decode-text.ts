import { isUtf8 } from 'node:buffer';
import type { Problem } from '../../errors.js';

const BOM = [0xef, 0xbb, 0xbf];

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there starts no valid sequence. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  const [length, min, max] = b >= 0xc2 && b <= 0xdf ? [2, 0x80, 0xbf] : b === 0xe0 ? [3, 0xa0, 0xbf] : b === 0xed ? [3, 0x80, 0x9f] : b >= 0xe1 && b <= 0xef ? [3, 0x80, 0xbf] : b === 0xf0 ? [4, 0x90, 0xbf] : b === 0xf4 ? [4, 0x80, 0x8f] : b >= 0xf1 && b <= 0xf3 ? [4, 0x80, 0xbf] : [0, 0, 0];
  if (length === 0 || i + length > bytes.length) return 0;
  // The second byte's range excludes overlong forms and surrogates; the others are plain continuation bytes.
  if (bytes[i + 1]! < min || bytes[i + 1]! > max) return 0;
  for (let k = 2; k < length; k++) if (bytes[i + k]! < 0x80 || bytes[i + k]! > 0xbf) return 0;
  return length;
}

/** Line and column (in characters) of the first byte that is not valid UTF-8. */
function firstInvalid(bytes: Uint8Array): { offset: number; line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let i = 0; i < bytes.length; ) {
    const length = sequenceLength(bytes, i);
    if (length === 0) return { offset: i, line, column };
    if (bytes[i] === 0x0a) {
      line++;
      column = 1;
    } else {
      column += length === 4 ? 2 : 1; // a 4-byte character is two UTF-16 units, as columns count elsewhere
    }
    i += length;
  }
  return { offset: bytes.length, line, column };
}

/**
 * A state file's bytes as text. UTF-8 only: a byte that is not UTF-8 is an error at its line and column (rather
 * than a silent U+FFFD in the data), and a UTF-16 file says so. A UTF-8 byte order mark is dropped, as YAML allows.
 */
export function decodeStateFile(file: string, bytes: Uint8Array): { text: string } | { problem: Problem } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { problem: { file, line: 1, column: 1, message: 'file is UTF-16 encoded: state files must be UTF-8' } };
  }
  const start = BOM.every((b, i) => bytes[i] === b) ? BOM.length : 0;
  const body = bytes.subarray(start);
  if (!isUtf8(body)) {
    const at = firstInvalid(body);
    const byte = body[at.offset]!.toString(16).padStart(2, '0');
    return { problem: { file, line: at.line, column: at.column, message: `invalid UTF-8 (byte 0x${byte}): state files must be UTF-8 encoded` } };
  }
  return { text: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8') };
}
