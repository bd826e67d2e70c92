// Konnect's services are written in Go: an integer field decodes into an int64, so a JSON number outside that range
// (2.3e30 passes JSON Schema's `integer`) is refused rather than stored and echoed as a float.

const INT64_MAX = 2 ** 63 - 1;
const INT64_MIN = -(2 ** 63);

type Node = { [key: string]: unknown };
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const isInteger = (type: unknown): boolean => type === 'integer' || (Array.isArray(type) && type.includes('integer'));

/** A copy of `schema` where every integer without a bound gets the int64 one. */
export function withInt64Bounds<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map((item: unknown) => withInt64Bounds(item)) as T;
  if (!isNode(schema)) return schema;
  const out: Node = {};
  for (const [key, value] of Object.entries(schema)) out[key] = key === 'enum' || key === 'const' ? value : withInt64Bounds(value);
  if (isInteger(schema.type)) {
    out.maximum ??= INT64_MAX;
    out.minimum ??= INT64_MIN;
  }
  return out as T;
}
