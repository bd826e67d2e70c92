// Validates plans against schemas/plan.schema.json.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Plan } from '../../src/model/plan.js';

const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../../schemas/plan.schema.json', import.meta.url)), 'utf8')) as object;
const validate = new Ajv2020({ strict: true, strictRequired: false, allErrors: true }).compile(schema);

/** Schema errors of a plan (after a JSON round trip, as a saved plan would be), or [] when it is valid. */
export function planSchemaErrors(plan: Plan | unknown): string[] {
  const data: unknown = JSON.parse(JSON.stringify(plan));
  if (validate(data)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}
