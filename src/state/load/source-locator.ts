import { isJsonObject, type Json } from '../../model/json.js';
import type { SourceLocator } from '../../model/state.js';
import type { ParsedSource } from './parse-source.js';

function valueAt(root: Json | undefined, path: ReadonlyArray<string | number>): Json | undefined {
  let node = root;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment];
    else if (isJsonObject(node) && typeof segment === 'string') node = node[segment];
    else return undefined;
  }
  return node;
}

/** The loaded files' positions, for checks that run on the desired state (a file not loaded points at its start). */
export function sourceLocator(sources: readonly ParsedSource[]): SourceLocator {
  const byFile = new Map(sources.map((source) => [source.file, source]));
  return {
    field: (file, path) => byFile.get(file)?.locate(path) ?? { line: 1, column: 1 },
    text: (file, path) => byFile.get(file)?.locateText(path),
    value: (file, path) => valueAt(byFile.get(file)?.value, path),
  };
}
