import type { Json, JsonObject } from '../../model/json.js';
import { isPlainString } from '../load/block-yaml.js';

/** decK reads YAML 1.1, where these are booleans: quoted so that both readers see strings. */
const YAML11_BOOLEAN = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;
/** Text a plain scalar can hold here: no indicator at the start, no `: ` or ` #`, no edge spaces, printable. */
const PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`](?:[^:#\u0000-\u001f\u007f]|:(?=[^\s])|(?<=[^\s])#)*$/u;

function plain(text: string): boolean {
  return PLAIN.test(text) && !text.endsWith(' ') && !YAML11_BOOLEAN.test(text) && isPlainString(text);
}

/** A literal block (`|`) for multi-line text a block can hold exactly; otherwise undefined. */
function literalBlock(text: string, indent: string): string | undefined {
  if (!text.includes('\n') || /[\u0000-\u0009\u000b-\u001f\u007f\u0085\u2028\u2029\ufeff]/.test(text) || text.startsWith(' ') || text.startsWith('\n')) return undefined;
  const body = text.replace(/\n+$/, '');
  const trailing = text.length - body.length;
  if (body.split('\n').some((line) => line.endsWith(' '))) return undefined;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const lines = (trailing > 1 ? text.slice(0, -1) : body).split('\n');
  return `|${chomp}\n${lines.map((line) => (line === '' ? '' : `${indent}${line}`)).join('\n')}`;
}

function scalar(value: Exclude<Json, Json[] | JsonObject>, indent: string): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean' || typeof value === 'number') return Number.isFinite(value as number) || typeof value === 'boolean' ? String(value) : 'null';
  if (plain(value)) return value;
  return literalBlock(value, indent) ?? JSON.stringify(value);
}

/** Keys as written, remembered: a dump writes the same few field names 100k times. Bounded: map keys are data too. */
const KEYS = new Map<string, string>();
const KEYS_REMEMBERED = 10_000;

function key(name: string): string {
  let written = KEYS.get(name);
  if (written === undefined) {
    written = plain(name) ? name : JSON.stringify(name);
    if (KEYS.size < KEYS_REMEMBERED) KEYS.set(name, written);
  }
  return written;
}

/** Lines of `value` as the value of a map key at `indent` (`: x` on the key's line, or a block on the next lines). */
function afterKey(value: Json, indent: string): string {
  if (Array.isArray(value)) return value.length === 0 ? ' []\n' : `\n${sequence(value, `${indent}  `)}`;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length === 0 ? ' {}\n' : `\n${mapping(value, `${indent}  `)}`;
  return ` ${scalar(value, `${indent}  `)}\n`;
}

function mapping(map: JsonObject, indent: string, first = indent): string {
  let out = '';
  let lead = first;
  for (const name of Object.keys(map)) {
    out += `${lead}${key(name)}:${afterKey(map[name]!, indent)}`;
    lead = indent;
  }
  return out;
}

function item(value: Json, indent: string): string {
  if (Array.isArray(value)) return value.length === 0 ? `${indent}- []\n` : `${indent}-\n${sequence(value, `${indent}  `)}`;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length === 0 ? `${indent}- {}\n` : mapping(value, `${indent}  `, `${indent}- `);
  return `${indent}- ${scalar(value, `${indent}  `)}\n`;
}

function sequence(list: Json[], indent: string): string {
  let out = '';
  for (const value of list) out += item(value, indent);
  return out;
}

/** A top-level list rendered ahead: the YAML of its items, valid while the list holds `count` items. */
export interface RenderedList {
  count: number;
  bytes: Uint8Array;
}

/** One item of a top-level list as `yamlChunks` writes it, flat (built of many pieces, it would hold them all). */
export function listItem(value: Json): string {
  const text = item(value, '  ');
  // Reading a character makes V8 flatten the string: one block, not a tree of every piece it was built from.
  text.charCodeAt(0);
  return text;
}

/**
 * A top-level list's items as `yamlChunks` writes them, for a dump that renders while the read goes on: pausing
 * (`yield`) after every `step` items, so that the caller can let other work run in between. `ahead`: items already
 * rendered (`listItem`), by index.
 */
export function* renderListInSteps(list: readonly Json[], step: number, ahead?: ReadonlyArray<string | undefined>): Generator<void, RenderedList> {
  const parts: Uint8Array[] = [];
  let out = '';
  for (let i = 0; i < list.length; i++) {
    out += ahead?.[i] ?? item(list[i]!, '  ');
    if ((i + 1) % step === 0) {
      parts.push(Buffer.from(out));
      out = '';
      yield;
    }
  }
  parts.push(Buffer.from(out));
  return { count: list.length, bytes: Buffer.concat(parts) };
}

/**
 * A document as block YAML, in pieces: one per top-level key and one per item of a top-level list, so a writer can
 * stream a dump of any size; lists found in `rendered` are written as rendered there. What it writes reads back (with `yaml`, and with the loader's fast path) to the same data.
 */
export function* yamlChunks(content: JsonObject, rendered?: ReadonlyMap<readonly Json[], RenderedList>): Generator<string | Uint8Array> {
  if (Object.keys(content).length === 0) yield '{}\n';
  for (const name of Object.keys(content)) {
    const value = content[name]!;
    if (Array.isArray(value) && value.length > 0) {
      yield `${key(name)}:\n`;
      const ahead = rendered?.get(value);
      if (ahead !== undefined && ahead.count === value.length) yield ahead.bytes;
      else for (const entry of value) yield item(entry, '  ');
    } else {
      yield `${key(name)}:${afterKey(value, '')}`;
    }
  }
}

/**
 * Pieces joined up to about `size` characters each: a file stream pays per write, and a dump's items are small (a
 * 100k-entity dump spent a third of a second in writes of one item each).
 */
export function* batched(pieces: Iterable<string | Uint8Array>, size = 64 * 1024): Generator<string | Uint8Array> {
  let out = '';
  for (const piece of pieces) {
    if (typeof piece !== 'string') {
      if (out !== '') yield out;
      out = '';
      yield piece;
      continue;
    }
    out += piece;
    if (out.length >= size) {
      yield out;
      out = '';
    }
  }
  if (out !== '') yield out;
}
