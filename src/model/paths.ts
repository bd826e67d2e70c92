import { isJsonObject, type Json, type JsonObject } from './json.js';

/** Split paths, cached: the planner walks the same few dozen descriptor paths for every entity. */
const splitCache = new Map<string, readonly string[]>();

/**
 * Field paths used across descriptors: dotted segments, `[]` walks every array element.
 * `config.redis.host`, `partials[].name`, `dataplane_groups[].network`, `members[]`.
 */
export function splitPath(path: string): readonly string[] {
  let segments = splitCache.get(path);
  if (!segments) {
    segments = path.split('.').flatMap((segment) => (segment.endsWith('[]') ? [segment.slice(0, -2), '[]'].filter(Boolean) : [segment]));
    splitCache.set(path, segments);
  }
  return segments;
}

/** Every value at `path` (missing branches are skipped). */
export function getAll(root: Json | undefined, path: string): Json[] {
  const segments = splitPath(path);
  if (root === undefined) return [];
  // Fast path: a plain top-level field.
  if (segments.length === 1 && segments[0] !== '[]') {
    const value = isJsonObject(root) ? root[segments[0]!] : undefined;
    return value === undefined ? [] : [value];
  }
  let current: Json[] = [root];
  for (const segment of segments) {
    const next: Json[] = [];
    for (const value of current) {
      if (segment === '[]') {
        if (Array.isArray(value)) for (const item of value) next.push(item);
      } else if (isJsonObject(value) && value[segment] !== undefined) {
        next.push(value[segment] as Json);
      }
    }
    current = next;
  }
  return current;
}

/** Replaces every value at `path` with `fn(value)`; `undefined` deletes the key. Mutates `root`. */
export function updateAll(root: JsonObject, path: string, fn: (value: Json) => Json | undefined): void {
  update(root, splitPath(path), 0, fn);
}

function update(node: Json, segments: readonly string[], index: number, fn: (value: Json) => Json | undefined): void {
  const segment = segments[index]!;
  const last = index === segments.length - 1;
  if (segment === '[]') {
    if (!Array.isArray(node)) return;
    if (last) for (let i = 0; i < node.length; i++) node[i] = fn(node[i]!) ?? null;
    else for (const item of node) update(item, segments, index + 1, fn);
    return;
  }
  if (!isJsonObject(node)) return;
  const value = node[segment];
  if (value === undefined) return;
  if (!last) return update(value, segments, index + 1, fn);
  const replaced = fn(value);
  if (replaced === undefined) delete node[segment];
  else node[segment] = replaced;
}

const drop = (): undefined => undefined;

/** Removes the key at every match of `path`. Mutates `root`. */
export function removeAll(root: JsonObject, path: string): void {
  update(root, splitPath(path), 0, drop);
}

/** Value at a plain dotted path (no `[]`). */
export function getPath(root: Json | undefined, path: string): Json | undefined {
  let node: Json | undefined = root;
  for (const segment of path.split('.')) {
    if (!isJsonObject(node)) return undefined;
    node = node[segment];
  }
  return node;
}
