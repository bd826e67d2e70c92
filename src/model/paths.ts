import { isJsonObject, type Json, type JsonObject } from './json.js';

/**
 * Field paths used across descriptors: dotted segments, `[]` walks every array element.
 * `config.redis.host`, `partials[].name`, `dataplane_groups[].network`, `members[]`.
 */
export function splitPath(path: string): string[] {
  return path.split('.').flatMap((segment) => (segment.endsWith('[]') ? [segment.slice(0, -2), '[]'].filter(Boolean) : [segment]));
}

/** Every value at `path` (missing branches are skipped). */
export function getAll(root: Json | undefined, path: string): Json[] {
  let current: Json[] = root === undefined ? [] : [root];
  for (const segment of splitPath(path)) {
    const next: Json[] = [];
    for (const value of current) {
      if (segment === '[]') {
        if (Array.isArray(value)) next.push(...value);
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
  const segments = splitPath(path);
  const visit = (node: Json, index: number): void => {
    const segment = segments[index]!;
    const last = index === segments.length - 1;
    if (segment === '[]') {
      if (!Array.isArray(node)) return;
      if (last) {
        for (let i = 0; i < node.length; i++) node[i] = fn(node[i]!) ?? null;
      } else {
        for (const item of node) visit(item, index + 1);
      }
      return;
    }
    if (!isJsonObject(node) || node[segment] === undefined) return;
    if (last) {
      const replaced = fn(node[segment] as Json);
      if (replaced === undefined) delete node[segment];
      else node[segment] = replaced;
    } else {
      visit(node[segment] as Json, index + 1);
    }
  };
  visit(root, 0);
}

/** Removes the key at every match of `path`. Mutates `root`. */
export function removeAll(root: JsonObject, path: string): void {
  updateAll(root, path, () => undefined);
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
