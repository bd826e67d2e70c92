import fc from 'fast-check';
import type { SpecOracle } from '../spec-oracle.js';
import type { SpecApi } from '../spec-location.js';

// Request bodies from the spec's schemas: a valid body (a seed plus generated values for fields whose documented rule
// alone decides validity) and invalid ones (one documented rule broken at a time).

type Node = { [key: string]: unknown };
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
export type Body = Record<string, unknown>;

/** One field of a request schema, its `$ref` followed. */
export interface Field {
  name: string;
  schema: Node;
  required: boolean;
}

/** Fields the server makes: never mutated. */
const SERVER_FIELDS = new Set(['id', 'created_at', 'updated_at']);

/** A union (route flavours, partial types) is read through the branch the seed takes: the one its `type` names, else the first. */
function branchFor(spec: SpecOracle, api: SpecApi, node: Node, seed: Body): Node {
  if (Array.isArray(node.allOf)) {
    // allOf: one object with every part's fields and required names.
    const parts = node.allOf.map((part) => branchFor(spec, api, spec.node(api, part) ?? {}, seed));
    return {
      properties: Object.assign({}, ...parts.map((part) => (isNode(part.properties) ? part.properties : {}))),
      required: parts.flatMap((part) => (Array.isArray(part.required) ? part.required : [])),
      ...(parts.some((part) => part.additionalProperties === false) ? { additionalProperties: false } : {}),
    };
  }
  const branches = (Array.isArray(node.oneOf) ? node.oneOf : Array.isArray(node.anyOf) ? node.anyOf : []).map((branch) => spec.node(api, branch) ?? {});
  if (isNode(node.properties) || branches.length === 0) return node;
  const named = branches.find((branch) => {
    const type = isNode(branch.properties) ? spec.node(api, branch.properties.type) : undefined;
    return Array.isArray(type?.enum) && type.enum.includes(seed.type);
  });
  return named ?? (branches[0] as Node);
}

/** The spec closes this body (`additionalProperties: false`), on the branch the seed takes. */
export function isClosed(spec: SpecOracle, api: SpecApi, schema: unknown, seed: Body = {}): boolean {
  const node = spec.node(api, schema);
  return node !== undefined && (node.additionalProperties === false || branchFor(spec, api, node, seed).additionalProperties === false);
}

export function fieldsOf(spec: SpecOracle, api: SpecApi, schema: unknown, seed: Body = {}): Field[] {
  const node = spec.node(api, schema);
  if (!node) return [];
  const resolved = branchFor(spec, api, node, seed);
  const required = new Set(Array.isArray(resolved.required) ? resolved.required.map(String) : []);
  const properties = isNode(resolved.properties) ? resolved.properties : {};
  return Object.entries(properties)
    .filter(([name]) => !SERVER_FIELDS.has(name))
    .map(([name, field]) => ({ name, schema: spec.node(api, field) ?? {}, required: required.has(name) }))
    .filter((field) => field.schema.readOnly !== true);
}

const typeOf = (schema: Node): string | undefined => (typeof schema.type === 'string' ? schema.type : undefined);
const bounded = (schema: Node): boolean => typeof schema.minimum === 'number' && typeof schema.maximum === 'number';

/** Values whose validity the schema alone decides: bounded integers, booleans. Others depend on business rules. */
function freeValue(field: Field): fc.Arbitrary<unknown> | undefined {
  const { schema } = field;
  if (schema['x-referenceable'] === true) return undefined;
  if (typeOf(schema) === 'integer' && bounded(schema)) return fc.integer({ min: schema.minimum as number, max: schema.maximum as number });
  if (typeOf(schema) === 'boolean') return fc.boolean();
  return undefined;
}

const TAG = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,14}$/);

/** The seed with some free fields set to generated in-range values, and a generated tag set. */
export function validBody(fields: Field[], seed: Body): fc.Arbitrary<Body> {
  const free = fields.flatMap((field) => {
    const value = freeValue(field);
    return value ? [[field.name, value] as const] : [];
  });
  const overrides = fc.record(Object.fromEntries(free), { requiredKeys: [] });
  const tags = fields.some((field) => field.name === 'tags') ? fc.uniqueArray(TAG, { maxLength: 3 }) : fc.constant(undefined);
  return fc.tuple(overrides, tags).map(([values, tagList]) => ({ ...seed, ...values, ...(tagList ? { tags: tagList } : {}) }));
}

/** A value of the wrong JSON type for this schema. */
function wrongType(schema: Node): unknown[] {
  switch (typeOf(schema)) {
    case 'string':
      return schema['x-referenceable'] === true ? [42, true] : [42, true, ['x']];
    case 'integer':
      return ['abc', 1.5, true];
    case 'number':
      return ['abc', true];
    case 'boolean':
      return ['yes', 1];
    case 'array':
      return ['x', 7, { a: 1 }];
    case 'object':
      return isNode(schema.properties) || schema.additionalProperties !== undefined ? ['x', 7, ['x']] : [];
    default:
      return [];
  }
}

export interface Mutation {
  /** What rule the body breaks, for the failure message. */
  rule: string;
  body: Body;
}

/**
 * Every single-rule violation of the seed that the spec documents; an unknown property only where the body is closed,
 * a null only where null is not read as "unset" (Kong's core entities take a null as the field's default).
 */
export function invalidBodies(fields: Field[], seed: Body, closed: boolean, nullIsUnset: boolean): Mutation[] {
  const out: Mutation[] = closed ? [{ rule: 'unknown property', body: { ...seed, fuzz_unknown_property: 1 } }] : [];
  for (const field of fields) {
    if (!nullIsUnset && field.schema.nullable !== true && typeOf(field.schema) !== undefined) out.push({ rule: `${field.name} null where the spec does not allow it`, body: { ...seed, [field.name]: null } });
    for (const value of wrongType(field.schema)) out.push({ rule: `${field.name} of the wrong type (${JSON.stringify(value)})`, body: { ...seed, [field.name]: value } });
    if (typeof field.schema.maximum === 'number') out.push({ rule: `${field.name} above its maximum`, body: { ...seed, [field.name]: field.schema.maximum + 1 } });
    if (typeof field.schema.minimum === 'number') out.push({ rule: `${field.name} below its minimum`, body: { ...seed, [field.name]: field.schema.minimum - 1 } });
    if (Array.isArray(field.schema.enum) && typeOf(field.schema) === 'string') out.push({ rule: `${field.name} outside its enum`, body: { ...seed, [field.name]: 'not-in-the-enum' } });
    if (typeof field.schema.maxLength === 'number') out.push({ rule: `${field.name} longer than its maxLength`, body: { ...seed, [field.name]: 'x'.repeat(field.schema.maxLength + 1) } });
    if (field.required && field.name in seed && field.schema.nullable !== true) {
      const { [field.name]: _removed, ...rest } = seed;
      out.push({ rule: `required ${field.name} missing`, body: rest });
    }
  }
  return out;
}
