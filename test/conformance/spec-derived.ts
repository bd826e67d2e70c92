import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SPEC_DIR } from './spec-location.js';

// Emulator files derived from the official specs, so they cannot drift: spec-derived.test.ts compares each with what
// this module generates now, and rewrites them with KONSYNC_WRITE_SPEC_DERIVED=1.

type Node = { [key: string]: unknown };
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Schema keywords that constrain a value; descriptions, examples, defaults and x- extensions carry no rule. */
const KEPT = new Set(['type', 'enum', 'properties', 'required', 'items', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'oneOf', 'anyOf', 'allOf', 'additionalProperties', 'uniqueItems']);
const VAULT_REFERENCE = { type: 'string', pattern: '^\\{vault://.+\\}$' };

/**
 * OpenAPI 3.0 → the emulator's JSON Schema, as Kong validates a plugin-style record: an object with declared fields is
 * closed (Kong answers "unknown field"); `nullable` admits null; a referenceable field also takes a vault reference.
 */
export function kongRecordSchema(value: unknown, nullable = false): unknown {
  if (!isNode(value)) return value;
  const out: Node = {};
  for (const [key, item] of Object.entries(value)) {
    if (!KEPT.has(key)) continue;
    if (key === 'properties' && isNode(item)) out.properties = Object.fromEntries(Object.entries(item).map(([name, field]) => [name, kongRecordSchema(field)]));
    else if (key === 'items') out.items = kongRecordSchema(item);
    else if (Array.isArray(item) && ['oneOf', 'anyOf', 'allOf'].includes(key)) out[key] = item.map((branch) => kongRecordSchema(branch));
    else out[key] = item;
  }
  if (isNode(value.properties) && value.additionalProperties === undefined) out.additionalProperties = false;
  let schema: Node = out;
  if (nullable || value.nullable === true) {
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    } else schema = { anyOf: [out, { type: 'null' }] };
  }
  if (value['x-referenceable'] === true) schema = { anyOf: [schema, VAULT_REFERENCE] };
  return schema;
}

export const AI_PARTIALS: Record<string, string> = { embeddings: 'PartialEmbeddings', model: 'PartialModel', vectordb: 'PartialVectordb' };

/** The AI partial types' body schemas; a top-level config key may be null (protobuf: null is unset, decK #2199). */
export function aiPartialSchemas(specDir = SPEC_DIR): Record<string, unknown> {
  const doc = parse(readFileSync(join(specDir, 'control-planes-config.v2.yaml'), 'utf8')) as Node;
  const schemas = (doc.components as Node).schemas as Node;
  const out: Record<string, unknown> = {};
  for (const [type, name] of Object.entries(AI_PARTIALS)) {
    const partial = structuredClone(schemas[name]) as Node;
    const properties = partial.properties as Node;
    const config = properties.config as Node;
    const converted = kongRecordSchema(partial) as Node;
    const convertedConfig = kongRecordSchema(config) as Node;
    const fields = (convertedConfig.properties ?? {}) as Node;
    const configProperties = (config.properties ?? {}) as Node;
    for (const key of Object.keys(fields)) fields[key] = kongRecordSchema(configProperties[key], true);
    (converted.properties as Node).config = convertedConfig;
    out[type] = converted;
  }
  return out;
}

export const AI_PARTIALS_FILE = 'src/emulator/core/schemas/ai-partials.ts';

export function aiPartialsModule(specDir = SPEC_DIR): string {
  return [
    '// GENERATED from control-planes-config.v2.yaml by test/conformance/spec-derived.ts: do not edit by hand.',
    '// The AI partial types as Kong validates them: declared records closed, nullable only where the spec says (and a',
    '// top-level config key, which Konnect reads as unset), referenceable fields open to `{vault://...}`.',
    "import type { Schema } from './common.js';",
    '',
    `export const AI_PARTIAL_SCHEMAS: Record<string, Schema> = ${JSON.stringify(aiPartialSchemas(specDir), null, 2)};`,
    '',
  ].join('\n');
}
