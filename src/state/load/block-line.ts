/** The lexical half of the block YAML reader (`block-yaml.ts`): one line's keys and one-line scalars. */
import type { Json } from '../../model/json.js';

/** Thrown when the text leaves the fast subset: `yaml` reads it instead. */
export const NOT_SIMPLE = new Error('not in the fast subset');
export const bail = (): never => {
  throw NOT_SIMPLE;
};

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
/** `yaml` refuses an implicit key whose colon is more than 1024 characters after its start: such keys go to it. */
const MAX_KEY_SPAN = 1024;
/** The escapes YAML and JSON share, so JSON.parse decodes a double-quoted scalar that uses only these. */
const JSON_ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/g;

/** First characters of the plain scalars the core schema may read as something other than a string. */
const MAYBE_NOT_STRING = /^[-+.0-9~nNtTfF]/;

export function plainValue(raw: string): Json {
  if (raw === '') return null;
  const c = raw.charCodeAt(0);
  // Not a number: only the few spellings of null and the booleans read as other than a string (keys are read here too).
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46)) {
    switch (raw) {
      case '~': case 'null': case 'Null': case 'NULL':
        return null;
      case 'true': case 'True': case 'TRUE':
        return true;
      case 'false': case 'False': case 'FALSE':
        return false;
      default:
        return raw;
    }
  }
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

/** A position in the text and the bounds of its current line; reads what is written on that line. */
export class LineCursor {
  /** The current line: its first offset and the offset after its last character (before `\r\n` or `\n`). */
  protected lineStart = 0;
  protected lineEnd = 0;
  /** The offset after the key or quoted scalar `keyAt` or `quotedAt` read last. */
  protected tokenEnd = 0;
  /** Whether the key read last was written plain (not quoted). */
  protected keyWasPlain = false;

  constructor(protected readonly text: string) {}

  /** Whether the current line holds nothing from `at` on but spaces and a comment. */
  protected isEmptyFrom(at: number): boolean {
    const start = this.skipSpaces(at);
    return start >= this.lineEnd || this.text.charCodeAt(start) === HASH;
  }

  /** Whether a `-` at `at` is a sequence indicator (followed by a space or the end of the line). */
  protected isDash(at: number): boolean {
    return this.text.charCodeAt(at) === DASH && (at + 1 === this.lineEnd || this.text.charCodeAt(at + 1) === SPACE);
  }

  /** The first offset from `at` on the current line that is not a space. */
  protected skipSpaces(at: number): number {
    while (at < this.lineEnd && this.text.charCodeAt(at) === SPACE) at++;
    return at;
  }

  /** A `key:` at `at`: its name (`tokenEnd` is the offset after the colon); undefined when the line holds no key there. */
  protected keyAt(at: number): string | undefined {
    const text = this.text;
    const end = this.lineEnd;
    const c = text.charCodeAt(at);
    if (c === QUOTE || c === APOSTROPHE) {
      const name = this.quotedAt(at);
      const after = this.tokenEnd;
      if (after >= end || text.charCodeAt(after) !== COLON) return undefined;
      if (after - at >= MAX_KEY_SPAN) bail();
      if (after + 1 < end && text.charCodeAt(after + 1) !== SPACE) bail();
      this.tokenEnd = after + 1;
      this.keyWasPlain = false;
      return name;
    }
    // The first colon followed by a space or the end of the line.
    let colon = at;
    while (colon < end && !(text.charCodeAt(colon) === COLON && (colon + 1 === end || text.charCodeAt(colon + 1) === SPACE))) colon++;
    if (colon === end) return undefined;
    if (colon - at >= MAX_KEY_SPAN) bail();
    let nameEnd = colon;
    while (nameEnd > at && text.charCodeAt(nameEnd - 1) === SPACE) nameEnd--;
    const name = text.slice(at, nameEnd);
    if (name === '' || isIndicator(c) || (c === DASH && text.charCodeAt(at + 1) === SPACE) || name.includes(' #')) bail();
    if (typeof plainValue(name) !== 'string') bail();
    this.tokenEnd = colon + 1;
    this.keyWasPlain = true;
    return name;
  }

  /**
   * `known`, a plain key `keyAt` read before, when the line holds it at `at` followed by its colon: what `keyAt` would
   * read there, recognised without making a new string (which every map key would otherwise cost, and its interning).
   */
  protected knownKeyAt(at: number, known: string | undefined): string | undefined {
    if (known === undefined) return undefined;
    const text = this.text;
    const colon = at + known.length;
    if (colon >= this.lineEnd || text.charCodeAt(colon) !== COLON || !text.startsWith(known, at)) return undefined;
    if (colon + 1 < this.lineEnd && text.charCodeAt(colon + 1) !== SPACE) return undefined;
    this.tokenEnd = colon + 1;
    this.keyWasPlain = true;
    return known;
  }

  /** A one-line scalar (or `[]`/`{}`) from `at` to the end of the line or a comment. */
  protected scalarAt(at: number): Json {
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
  protected quotedAt(at: number): string {
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

/** Finds where a one-line value starts in text the fast reader accepted (it records where keys and items start). */
export class ValueLocator extends LineCursor {
  /** After `key:` and its spaces when `offset` starts a key, else `offset` itself (a sequence item's value). */
  valueStart(offset: number, isKey: boolean): number {
    if (!isKey) return offset;
    const text = this.text;
    this.lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    let end = text.indexOf('\n', offset);
    if (end < 0) end = text.length;
    this.lineEnd = end > offset && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    try {
      return this.keyAt(offset) === undefined ? offset : this.skipSpaces(this.tokenEnd);
    } catch (error) {
      if (error === NOT_SIMPLE) return offset;
      throw error;
    }
  }
}
