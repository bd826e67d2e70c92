// The state schema's validator. Ajv compiles it in about 0.25 s, most of a small run and part of every command, so
// `npm run build` also writes it out once as standalone code (write-validator.ts), stamped with what it was made
// from; a build that has a matching one loads it in a few milliseconds, anything else (tests from source, a changed
// schema) compiles as before. Same options, so the same errors either way.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Ajv as AjvClass, Options, ValidateFunction } from 'ajv';
import stateSchema from '../../../schemas/state.schema.json' with { type: 'json' };

export const GENERATED_VALIDATOR = 'state-validator.generated.cjs';

const require = createRequire(import.meta.url);

function ajvOptions(source: boolean): Options {
  // Unoptimised code compiles in two thirds of the time and validates as fast.
  return { allErrors: true, strict: true, allowUnionTypes: true, verbose: true, code: { optimize: false, ...(source ? { source: true } : {}) } };
}

/** What the generated code depends on: the schema, Ajv's version and the options. */
export function validatorStamp(): string {
  const ajvVersion = (require('ajv/package.json') as { version: string }).version;
  return createHash('sha256').update(JSON.stringify([stateSchema, ajvVersion, ajvOptions(false)])).digest('hex');
}

function newAjv(source: boolean): AjvClass {
  // Required only when compiling: loading Ajv itself is a good part of the saving.
  const { Ajv } = require('ajv') as { Ajv: new (options: Options) => AjvClass };
  return new Ajv(ajvOptions(source));
}

/** CommonJS source of the validator, with its stamp (`module.exports.stamp`). */
export function validatorSource(): string {
  const ajv = newAjv(true);
  const validate = ajv.compile(stateSchema);
  const standalone = (require('ajv/dist/standalone') as { default: (ajv: AjvClass, validate: ValidateFunction) => string }).default;
  return `${standalone(ajv, validate)}\nmodule.exports.stamp = ${JSON.stringify(validatorStamp())};\n`;
}

/** The generated validator beside this module when it matches the schema, else undefined. */
export function generatedValidator(dir = '.'): ValidateFunction | undefined {
  try {
    const loaded = require(`${dir}/${GENERATED_VALIDATOR}`) as ValidateFunction & { stamp?: string };
    return loaded.stamp === validatorStamp() ? loaded : undefined;
  } catch {
    return undefined;
  }
}

export function compiledValidator(): ValidateFunction {
  return newAjv(false).compile(stateSchema);
}
