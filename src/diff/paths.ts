// getAll / updateAll / removeAll with the path split once and cached: the planner walks the same few dozen
// descriptor paths for every entity, and re-splitting them dominated a 100k-entity plan.
import { isJsonObject, type Json, type JsonObject } from '../model/json.js';
import { splitPath } from '../model/paths.js';

const cache = new Map<string, string[]>();

export function segmentsOf(path: string): string[] {
  let segments = cache.get(path);
  if (!segments) cache.set(path, (segments = splitPath(path)));
  return segments;
}

/** Every value at `path` (missing branches skipped). Same semantics as model/paths `getAll`. */
export function valuesAt(root: Json | undefined, path: string): Json[] {
  const segments = segmentsOf(path);
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
export function rewriteAt(root: JsonObject, path: string, fn: (value: Json) => Json | undefined): void {
  rewrite(root, segmentsOf(path), 0, fn);
}

function rewrite(node: Json, segments: readonly string[], index: number, fn: (value: Json) => Json | undefined): void {
  const segment = segments[index]!;
  const last = index === segments.length - 1;
  if (segment === '[]') {
    if (!Array.isArray(node)) return;
    if (last) for (let i = 0; i < node.length; i++) node[i] = fn(node[i]!) ?? null;
    else for (const item of node) rewrite(item, segments, index + 1, fn);
    return;
  }
  if (!isJsonObject(node)) return;
  const value = node[segment];
  if (value === undefined) return;
  if (!last) return rewrite(value, segments, index + 1, fn);
  const replaced = fn(value);
  if (replaced === undefined) delete node[segment];
  else node[segment] = replaced;
}

const drop = (): undefined => undefined;

export function removeAt(root: JsonObject, path: string): void {
  rewrite(root, segmentsOf(path), 0, drop);
}
