import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import formatsModule, { type FormatsPlugin } from 'ajv-formats';
import type { EmuResponse } from './types.js';
import { badRequest, type Api, type InvalidParameter } from './problem.js';
import { withInt64Bounds } from './integer-range.js';

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats: FormatsPlugin = (formatsModule as unknown as { default?: FormatsPlugin }).default ?? (formatsModule as unknown as FormatsPlugin);

// unicodeRegExp:false because Konnect's label pattern escapes `-`, `.` and `_`, which the `u` flag rejects.
const ajv = new Ajv({ strict: false, allErrors: true, discriminator: true, unicodeRegExp: false });
addFormats(ajv, ['uuid', 'date-time']);

const cache = new WeakMap<object, ValidateFunction>();

function compiled(schema: object): ValidateFunction {
  let validate = cache.get(schema);
  if (!validate) {
    validate = ajv.compile(withInt64Bounds(schema));
    cache.set(schema, validate);
  }
  return validate;
}

/** `/dataplane_groups/0/name` → `dataplane_groups.0.name`, Konnect's field notation. */
function fieldOf(instancePath: string, child?: string): string {
  const parts = instancePath.split('/').filter((part) => part !== '');
  if (child !== undefined) parts.push(child);
  return parts.join('.') || 'body';
}

const TYPE_RULES: Record<string, [string, string]> = {
  string: ['is_string', 'a string'],
  integer: ['is_integer', 'an integer number'],
  number: ['is_number', 'a number'],
  boolean: ['is_boolean', 'a boolean'],
  array: ['is_array', 'an array'],
  object: ['is_object', 'an object'],
};

function toInvalid(error: ErrorObject): InvalidParameter | undefined {
  // Label keys and values break Konnect's label rule, whichever keyword caught them.
  if (error.instancePath.startsWith('/labels') && error.keyword !== 'type' && error.keyword !== 'propertyNames') {
    const field = fieldOf(error.instancePath, error.propertyName);
    return { field, rule: 'is_label', reason: `${field} is not a valid label: ${error.message ?? 'invalid'}`, source: 'body' };
  }
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const field = fieldOf(error.instancePath, String(params.missingProperty));
      return { field, rule: 'required', reason: `${field} is a required field`, source: 'body' };
    }
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      return { field: fieldOf(error.instancePath, name), rule: 'unknown_property', reason: `property ${name} should not exist`, source: 'body' };
    }
    case 'type': {
      const field = fieldOf(error.instancePath);
      const [rule, noun] = TYPE_RULES[String(params.type).split(',')[0] ?? ''] ?? ['type', String(params.type)];
      return { field, rule, reason: `${field} must be ${noun}`, source: 'body' };
    }
    case 'minLength': {
      const field = fieldOf(error.instancePath);
      const limit = Number(params.limit);
      return { field, rule: 'min_length', minimum: limit, reason: `${field} must be longer than or equal to ${limit} characters`, source: 'body' };
    }
    case 'maxLength': {
      const field = fieldOf(error.instancePath);
      const limit = Number(params.limit);
      return { field, rule: 'max_length', maximum: limit, reason: `${field} must be shorter than or equal to ${limit} characters`, source: 'body' };
    }
    case 'minItems': {
      const field = fieldOf(error.instancePath);
      const limit = Number(params.limit);
      return { field, rule: 'min_items', minimum: limit, reason: `${field} must contain at least ${limit} items`, source: 'body' };
    }
    case 'maxItems': {
      const field = fieldOf(error.instancePath);
      const limit = Number(params.limit);
      return { field, rule: 'max_items', maximum: limit, reason: `${field} must contain at most ${limit} items`, source: 'body' };
    }
    case 'minimum': {
      const field = fieldOf(error.instancePath);
      const limit = Number(params.limit);
      return { field, rule: 'min', minimum: limit, reason: `${field} must be greater than or equal to ${limit}`, source: 'body' };
    }
    case 'maximum': {
      const field = fieldOf(error.instancePath);
      const limit = Number(params.limit);
      return { field, rule: 'max', maximum: limit, reason: `${field} must be less than or equal to ${limit}`, source: 'body' };
    }
    case 'enum': {
      const field = fieldOf(error.instancePath);
      const choices = (params.allowedValues as unknown[]).map(String);
      return { field, rule: 'enum', choices, reason: `${field} must be one of the following values: ${choices.join(', ')}`, source: 'body' };
    }
    case 'const': {
      const field = fieldOf(error.instancePath);
      const choices = [String(params.allowedValue)];
      return { field, rule: 'enum', choices, reason: `${field} must be one of the following values: ${choices.join(', ')}`, source: 'body' };
    }
    case 'pattern': {
      const field = fieldOf(error.instancePath);
      return { field, rule: 'matches_regex', reason: `${field} must match pattern ${String(params.pattern)}`, source: 'body' };
    }
    case 'format': {
      const field = fieldOf(error.instancePath);
      if (params.format === 'uuid') return { field, rule: 'is_uuid', reason: `${field} must be a UUID`, source: 'body' };
      if (params.format === 'date-time') return { field, rule: 'is_date_time', reason: `${field} must be a date-time`, source: 'body' };
      return { field, rule: 'invalid', reason: `${field} is invalid`, source: 'body' };
    }
    case 'discriminator': {
      const field = fieldOf(error.instancePath, String(params.tag));
      return { field, rule: 'invalid', reason: `${field} is not a supported kind`, source: 'body' };
    }
    case 'uniqueItems': {
      const field = fieldOf(error.instancePath);
      return { field, rule: 'invalid', reason: `${field} must not contain duplicate items`, source: 'body' };
    }
    // oneOf/anyOf/if summaries repeat what their branches already said.
    default:
      return undefined;
  }
}

/** Invalid parameters for `body` against `schema` (empty when valid). */
export function check(schema: object, body: unknown): InvalidParameter[] {
  const validate = compiled(schema);
  if (validate(body)) return [];
  const seen = new Set<string>();
  const out: InvalidParameter[] = [];
  for (const error of validate.errors ?? []) {
    const item = toInvalid(error);
    if (!item) continue;
    const key = `${item.field}|${item.rule}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  if (out.length === 0) out.push({ field: 'body', rule: 'invalid', reason: 'request format is invalid', source: 'body' });
  return out;
}

/** A 400 response when the body is invalid, otherwise undefined. */
export function validateBody(api: Api, schema: object, body: unknown): EmuResponse | undefined {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    return badRequest(api, [{ field: 'body', rule: 'is_object', reason: 'request format is invalid', source: 'body' }], 'Invalid request format');
  }
  const invalid = check(schema, body);
  if (invalid.length === 0) return undefined;
  if (api === 'control-planes' && invalid.every((item) => item.rule === 'unknown_property')) {
    return badRequest(api, invalid, 'Request contains unknown property');
  }
  return badRequest(api, invalid);
}
