// Does a file found by a directory walk look like a state file? Files named explicitly are always read; a walk skips
// what is clearly something else (a konsync plan, package.json, a CI workflow, a docker-compose file...).
import stateSchema from '../../../schemas/state.schema.json' with { type: 'json' };
import { PLAN_FORMAT } from '../../model/plan.js';

export type Likeness = 'state' | 'plan' | 'other';
type Shape = 'array' | 'object' | 'scalar' | 'null' | 'unknown';

/** What a konsync plan file says first: its format marker, whatever the version. */
const PLAN_MARKER = PLAN_FORMAT.slice(0, PLAN_FORMAT.indexOf('@') + 1);
interface SchemaNode {
  type?: unknown;
  $ref?: string;
}
const SCHEMA = stateSchema as unknown as { properties: Record<string, SchemaNode>; definitions?: Record<string, SchemaNode> };

function schemaShape(property: SchemaNode): Shape {
  const type = property.type ?? (property.$ref ? SCHEMA.definitions?.[property.$ref.replace('#/definitions/', '')]?.type : undefined);
  if (type === 'array' || type === 'object') return type;
  return type === undefined ? 'unknown' : 'scalar';
}

/** Top-level state keys and the shape their value must have (from schemas/state.schema.json). */
const STATE_KEYS: ReadonlyMap<string, Shape> = new Map(
  Object.entries(SCHEMA.properties).map(([key, property]) => [key, schemaShape(property)]),
);

/** A top-level key counts when it is a state key whose value has the shape the schema asks for (or no value yet). */
function fits(key: string, shape: Shape): boolean {
  const wanted = STATE_KEYS.get(key);
  if (wanted === undefined) return false;
  return shape === 'null' || shape === 'unknown' || wanted === 'unknown' || wanted === shape;
}

function shapeOf(value: unknown): Shape {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : 'scalar';
}

/** JSON with comments and trailing commas (tsconfig.json, .vscode files) made plain JSON; strings are kept as they are. */
function stripJsonComments(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      out += text.slice(start, i + 1);
    } else if (char === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (char === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else {
      out += char;
    }
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}

function classifyJson(value: unknown): Likeness {
  if (shapeOf(value) !== 'object') return 'other';
  const object = value as Record<string, unknown>;
  if (typeof object.format === 'string' && object.format.startsWith(PLAN_MARKER)) return 'plan';
  return Object.entries(object).some(([key, v]) => fits(key, shapeOf(v))) ? 'state' : 'other';
}

function parseJson(text: string): { value: unknown } | undefined {
  for (const candidate of [text, stripJsonComments(text)]) {
    try {
      return { value: JSON.parse(candidate) as unknown };
    } catch {
      // next candidate
    }
  }
  return undefined;
}

const SIGNIFICANT = (line: string) => line.trim() !== '' && !/^\s*#/.test(line) && !/^(---|\.\.\.)(\s|$)/.test(line) && !line.startsWith('%');
const TOP_LEVEL_KEY = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"?:,[\]{}&*!|>%@`-][^:#]*?|-[^\s:#][^:#]*?))\s*:(?:\s+(.*))?$/;

/** The shape of a block-YAML value: the rest of its key's line, else the first significant line below it. */
function yamlShape(rest: string, next: string | undefined): Shape {
  const value = rest.replace(/(^|\s)#.*$/, '').replace(/^(&\S+|!\S*)\s*/g, '').trim();
  if (value === '') {
    if (next === undefined || !/^\s/.test(next)) return /^-(\s|$)/.test(next ?? '') ? 'array' : 'null';
    const below = next.trim();
    // The value on the next, indented line: a list item, a flow list or mapping (`control_planes:\n  []`), or a key.
    if (/^-(\s|$)/.test(below) || below.startsWith('[')) return 'array';
    return 'object';
  }
  if (value.startsWith('[')) return 'array';
  if (value.startsWith('{')) return 'object';
  if (value.startsWith('*')) return 'unknown';
  return 'scalar';
}

/** The significant lines of a text (no blanks, comments, document markers, directives), read lazily. */
function* significantLines(text: string): Generator<string> {
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
    start = end < 0 ? text.length : end + 1;
    if (SIGNIFICANT(line)) yield line;
  }
}

/**
 * Block YAML's top-level keys, from the lines alone, stopping at the first state key (no full parse: the loader parses
 * each file once, and a big state file says what it is in its first lines). Undefined when the text is not block YAML
 * this scan can read (a flow document, a lone scalar): such a file is read as state.
 */
function classifyYaml(text: string): Likeness | undefined {
  const lines = significantLines(text);
  let line = lines.next().value;
  if (line === undefined) return 'state';
  const first = line;
  if (/^[[{]/.test(first)) return undefined;
  let keys = 0;
  while (line !== undefined) {
    const next = lines.next().value;
    const match = /^\s/.test(line) ? null : TOP_LEVEL_KEY.exec(line);
    if (match) {
      keys++;
      const key = match[1] ?? match[2]?.replace(/''/g, "'") ?? match[3]!;
      if (fits(key, yamlShape(match[4] ?? '', next))) return 'state';
    }
    line = next;
  }
  if (keys > 0) return 'other';
  // A top-level list is no state file (the schema wants a mapping); anything else is left to the loader.
  return /^-(\s|$)/.test(first) ? 'other' : undefined;
}

/** The head of a plan file as konsync writes it: `format` is its first key. */
const PLAN_HEAD = new RegExp(`^\\uFEFF?\\s*\\{\\s*"format"\\s*:\\s*"${PLAN_MARKER}`);

/** Whether a text starts as a konsync plan file does (no parse: a named state file may be big). */
export function looksLikePlan(text: string): boolean {
  return PLAN_HEAD.test(text.slice(0, 256));
}

/**
 * Whether a file a walk found is a state file: `plan` for konsync's own plan files (format marker), `other` when it is
 * clearly not state (no top-level key of the state schema with the shape the schema asks for), else `state`. Empty
 * files and texts that do not parse are `state`, so the loader reports them.
 */
export function stateLikeness(path: string, text: string): Likeness {
  const body = text.replace(/^\uFEFF/, '');
  if (/\.json$/i.test(path) || /^\s*\{/.test(body)) {
    const parsed = parseJson(body);
    if (parsed) return classifyJson(parsed.value);
    if (/\.json$/i.test(path)) return 'state';
  }
  return classifyYaml(body) ?? 'state';
}
