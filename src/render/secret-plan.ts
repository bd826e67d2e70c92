// A plan as outputs show it: fields that are secrets by nature masked on both sides, whatever their source.
import type { JsonObject } from '../model/json.js';
import type { Operation, Plan } from '../model/plan.js';
import { maskSecretFields } from '../model/secret-fields.js';
import { kindOf } from '../kinds/registry.js';

/** JSON Pointer → the object keys it walks (array indexes left out, as secret patterns name keys only). */
function keysOf(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .filter((segment) => !/^\d+$/.test(segment));
}

function maskOperation(op: Operation): Operation {
  const patterns = kindOf(op.kind).secrets ?? [];
  if (patterns.length === 0) return op;
  const mask = (value: JsonObject) => maskSecretFields(value, patterns) as JsonObject;
  const out: Operation = { ...op, requests: op.requests.map((request) => (request.body ? { ...request, body: mask(request.body) } : request)) };
  out.patch = op.patch.map((patch) => (patch.value === undefined ? patch : { ...patch, value: maskSecretFields(patch.value, patterns, keysOf(patch.path)) }));
  if (op.before) out.before = mask(op.before);
  if (op.after) out.after = mask(op.after);
  if (op.fields) out.fields = mask(op.fields);
  return out;
}

/** For display only: a saved plan keeps the desired values its requests must send. */
export function withSecretFieldsMasked(plan: Plan): Plan {
  return { ...plan, operations: plan.operations.map(maskOperation) };
}
