import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { ErrorDetail } from './errors.js';
import { withInt64Bounds } from '../integer-range.js';
import type { Schema } from './schemas/common.js';

const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
const compiled = new WeakMap<Schema, ValidateFunction>();

/** Validates a body against one of our schemas; Koko-style details when it fails. */
export function validateBody(schema: Schema, body: unknown): ErrorDetail[] {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(withInt64Bounds(schema));
    compiled.set(schema, validate);
  }
  if (validate(body)) return [];
  return toDetails(validate.errors ?? []);
}

function fieldOf(error: ErrorObject): string {
  return error.instancePath.slice(1).replaceAll('/', '.');
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

function toDetails(errors: ErrorObject[]): ErrorDetail[] {
  const missing: string[] = [];
  const fields = new Map<string, string[]>();
  const add = (field: string, message: string): void => {
    const messages = fields.get(field) ?? [];
    if (!messages.includes(message)) messages.push(message);
    fields.set(field, messages);
  };
  // anyOf/oneOf wrappers repeat what their branches already said.
  const branchErrors = errors.filter((error) => error.keyword !== 'anyOf' && error.keyword !== 'oneOf');
  for (const error of branchErrors) {
    const field = fieldOf(error);
    const params = error.params as Record<string, unknown>;
    switch (error.keyword) {
      case 'required': {
        const name = [field, String(params.missingProperty)].filter(Boolean).join('.');
        if (!missing.includes(name)) missing.push(name);
        break;
      }
      case 'additionalProperties':
        add([field, String(params.additionalProperty)].filter(Boolean).join('.'), 'unknown field');
        break;
      case 'type':
        add(field, `expected ${String(params.type).replace(',null', '')}, but got ${typeName(error.data)}`);
        break;
      case 'enum':
        add(field, `value must be one of ${((params.allowedValues as unknown[]) ?? []).filter((v) => v !== null).map((v) => JSON.stringify(v)).join(', ')}`);
        break;
      case 'const':
        add(field, `value must be ${JSON.stringify(params.allowedValue)}`);
        break;
      case 'maxLength':
        add(field, `length must be <= ${String(params.limit)}, but got ${String((error.data as string).length)}`);
        break;
      case 'minLength':
        add(field, `length must be >= ${String(params.limit)}, but got ${String((error.data as string).length)}`);
        break;
      case 'maximum':
      case 'minimum':
        add(field, `must be ${error.keyword === 'maximum' ? '<=' : '>='} ${String(params.limit)} but found ${String(error.data)}`);
        break;
      default:
        add(field, error.message ?? 'invalid value');
    }
  }
  const details: ErrorDetail[] = [];
  if (missing.length > 0) details.push({ type: 'ERROR_TYPE_ENTITY', messages: [`missing properties: ${missing.map((m) => `'${m}'`).join(', ')}`] });
  for (const [field, messages] of fields) {
    details.push(field === '' ? { type: 'ERROR_TYPE_ENTITY', messages } : { type: 'ERROR_TYPE_FIELD', field, messages });
  }
  return details;
}
