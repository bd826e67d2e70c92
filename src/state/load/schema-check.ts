import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Problem } from '../../errors.js';
import { isJsonObject } from '../../model/json.js';
import { compiledValidator, generatedValidator } from './state-validator.js';
import { fromJsonPointer } from './field-path.js';
import { problemAt, type ParsedSource } from './parse-source.js';
import { suggestName } from '../../model/suggest.js';

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  compiled ??= generatedValidator() ?? compiledValidator();
  return compiled;
}

function describe(error: ErrorObject): { message: string; extraPath?: string; hint?: string } {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') {
    const key = String(params.additionalProperty);
    const schema = error.parentSchema;
    const known = isJsonObject(schema) && isJsonObject(schema.properties) ? Object.keys(schema.properties) : [];
    const suggestion = suggestName(key, known);
    return { message: `unknown key "${key}"`, extraPath: key, ...(suggestion ? { hint: `did you mean "${suggestion}"?` } : {}) };
  }
  if (error.keyword === 'required') return { message: `missing required field "${String(params.missingProperty)}"` };
  if (error.keyword === 'enum') return { message: `must be one of: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
  if (error.keyword === 'const') return { message: `must be ${JSON.stringify(params.allowedValue)}` };
  if (error.keyword === 'type') {
    const message = `must be of type ${String(params.type).replace(',', ' or ')}`;
    // decK reads YAML 1.1, where yes/no/on/off are booleans; konsync reads YAML 1.2, where they are strings.
    const yaml11 = String(params.type).includes('boolean') && typeof error.data === 'string' && /^(y|yes|n|no|on|off)$/i.test(error.data);
    return yaml11 ? { message, hint: 'write true or false: YAML 1.2 reads yes/no/on/off as strings' } : { message };
  }
  if ((error.keyword === 'maxProperties' || error.keyword === 'minProperties') && error.instancePath.endsWith('/owner')) {
    return { message: 'must name exactly one owner: control_plane or control_plane_group' };
  }
  return { message: error.message ?? error.keyword };
}

/** JSON Schema check of one file; every problem carries its position and field path. */
export function checkSchema(source: ParsedSource): Problem[] {
  const validate = validator();
  if (validate(source.value ?? {})) return [];
  // An `if` failure only says which `then` applied (custom entity types); the `then`'s own errors say what is wrong.
  return (validate.errors ?? []).filter((error) => error.keyword !== 'if').map((error) => {
    const { message, extraPath, hint } = describe(error);
    const segments = fromJsonPointer(error.instancePath);
    if (extraPath !== undefined) segments.push(extraPath);
    return problemAt(source, segments, message, hint);
  });
}
