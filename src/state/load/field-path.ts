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
