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
 * Every existing value at a dotted path where `[]` walks every item (`services[].routes[].filter_chains`,
 * `partials[].name`, `members[]`), with its location: the form problems point at.
 */
export function slotsAt(root: Json, path: string): Slot[] {
  const segments = pathSegments(path);
  const out: Slot[] = [];
  const visit = (node: Json, index: number, at: FieldPath) => {
    const { name, isList } = segments[index]!;
    if (!isJsonObject(node) || node[name] === undefined) return;
    const value = node[name]!;
    const last = index === segments.length - 1;
    if (!isList) {
      if (last) out.push({ holder: node, key: name, value, at: [...at, name] });
      else visit(value, index + 1, [...at, name]);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => {
        if (last) out.push({ holder: value, key: i, value: item, at: [...at, name, i] });
        else visit(item, index + 1, [...at, name, i]);
      });
    }
  };
  visit(root, 0, []);
  return out;
}
