/**
 * Fills the `{name}` slots of a descriptor path template (`{controlPlaneId}`, `{parentId}`, `{id}`, `{ref:field}`)
 * with server ids, URL-encoded. A slot left without a value is a bug in the caller: it throws rather than send a
 * request to a literal `{parentId}`. Shared by the reader (list paths) and the executor (lookups, stale check).
 */
export function fillPath(template: string, values: Readonly<Record<string, string | undefined>>): string {
  return template.replace(/\{([A-Za-z:_]+)\}/g, (_slot, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`unfilled slot {${name}} in path template ${template}`);
    return encodeURIComponent(value);
  });
}
