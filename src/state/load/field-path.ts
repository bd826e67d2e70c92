import { isJsonObject, type Json, type JsonObject } from '../../model/json.js';

/** A location inside a parsed file: object keys and array indexes, root first. */
export type FieldPath = ReadonlyArray<string | number>;

/** `services[0].routes[1].paths`, the form every problem and source location uses. */
export function formatFieldPath(path: FieldPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

/** Ajv's instancePath (`/services/0/routes`) as segments; numeric segments become indexes. */
export function fromJsonPointer(pointer: string): Array<string | number> {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** One place a path reaches: the object or list holding the value, its key or index there, and where it is. */
export interface Slot {
  holder: JsonObject | Json[];
  key: string | number;
  value: Json;
  at: FieldPath;
}

interface PathSegment {
  name: string;
  isList: boolean;
}

/** The descriptors' few dotted paths, split once: the loader asks for them once per entity and reference. */
const SPLIT_PATHS = new Map<string, PathSegment[]>();

function pathSegments(path: string): PathSegment[] {
  let segments = SPLIT_PATHS.get(path);
  if (!segments) {
    segments = path.split('.').map((raw) => (raw.endsWith('[]') ? { name: raw.slice(0, -2), isList: true } : { name: raw, isList: false }));
    SPLIT_PATHS.set(path, segments);
  }
  return segments;
}

/**
 * Calls `visit` with every existing value at a dotted path where `[]` walks every item (`services[].routes[].filter_chains`,
 * `partials[].name`, `members[]`): the object or list holding it, its key or index there, and `at`, its location (the
 * form problems point at). `at` is one array the walk changes as it goes: copy it to keep it. Nothing is allocated per
 * item walked, which matters for paths through every plugin of a file.
 */
export function eachSlot(root: Json, path: string, visit: (holder: JsonObject | Json[], key: string | number, value: Json, at: FieldPath) => void): void {
  const segments = pathSegments(path);
  // Most paths are absent from most entities: nothing is made for those.
  if (!isJsonObject(root) || root[segments[0]!.name] === undefined) return;
  const at: Array<string | number> = [];
  const walk = (node: Json, index: number): void => {
    const { name, isList } = segments[index]!;
    if (!isJsonObject(node) || node[name] === undefined) return;
    const value = node[name]!;
    const last = index === segments.length - 1;
    at.push(name);
    if (!isList) {
      if (last) visit(node, name, value, at);
      else walk(value, index + 1);
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        at.push(i);
        if (last) visit(value, i, value[i]!, at);
        else walk(value[i]!, index + 1);
        at.pop();
      }
    }
    at.pop();
  };
  walk(root, 0);
}

/** The field a dotted path names when it is one plain field (`service`), else undefined (`partials[].name`). */
export function plainField(path: string): string | undefined {
  const segments = pathSegments(path);
  return segments.length === 1 && !segments[0]!.isList ? segments[0]!.name : undefined;
}

/** Every slot `eachSlot` visits, each with its own `at`. */
export function slotsAt(root: Json, path: string): Slot[] {
  const out: Slot[] = [];
  eachSlot(root, path, (holder, key, value, at) => out.push({ holder, key, value, at: [...at] }));
  return out;
}
