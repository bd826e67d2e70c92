import { readFile } from 'node:fs/promises';
import type { ValidateFunction } from 'ajv';
import type * as Ajv2020Module from 'ajv/dist/2020.js';
import planSchema from '../../schemas/plan.schema.json' with { type: 'json' };
import { ValidationError } from '../errors.js';
import { PLAN_FORMAT, type Plan } from '../model/plan.js';
import { planProblems } from '../diff/plan-check.js';
import { lazyPackage } from '../lazy-package.js';

/** Ajv (~35 ms of CPU to load) is loaded by the first plan file read (`show`, `apply --plan`), not at every startup. */
const ajv2020 = lazyPackage<typeof Ajv2020Module>('ajv/dist/2020');
let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  compiled ??= new (ajv2020().Ajv2020)({ allErrors: true, strict: false }).compile(planSchema);
  return compiled;
}

/** The plan file's bytes: the plan as buildPlan made it (deterministic, DECK_ values already references), indented. */
export function serializePlan(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

/**
 * Reads a plan file, checks it against schemas/plan.schema.json, then that it is what the planner makes of its own
 * operations (planProblems). Throws ValidationError naming each problem.
 */
export async function readPlanFile(file: string): Promise<Plan> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unreadable';
    throw new ValidationError([{ file, message: `cannot read the plan file (${code})` }]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ValidationError([{ file, message: `not JSON: ${error instanceof Error ? error.message : String(error)}` }]);
  }
  const format = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).format : undefined;
  if (format !== PLAN_FORMAT) {
    throw new ValidationError([
      { file, path: 'format', message: `not a konsync plan (format ${JSON.stringify(format ?? null)}, expected "${PLAN_FORMAT}")`, hint: 'make it with `konsync plan --out FILE`' },
    ]);
  }
  const validate = validator();
  if (!validate(value)) {
    throw new ValidationError(
      (validate.errors ?? []).slice(0, 20).map((error) => ({
        file,
        path: error.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(root)',
        message: error.message ?? error.keyword,
      })),
    );
  }
  const plan = value as Plan;
  const problems = planProblems(plan);
  if (problems.length > 0) {
    throw new ValidationError([
      ...problems.slice(0, 20).map((problem) => ({ file, path: problem.path, message: problem.message })),
      { file, message: 'refusing to apply a plan that is not what konsync planned: nothing was sent', hint: 'make a new plan with `konsync plan --out FILE`' },
    ]);
  }
  return plan;
}
