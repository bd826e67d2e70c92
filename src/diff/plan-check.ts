// A plan file is data anyone can edit: apply runs it only if it is exactly what the planner makes of its operations.
import type { Operation, Plan, PlannedRequest } from '../model/plan.js';
import type { Entity } from '../model/entity.js';
import { canonicalJson, isJsonObject } from '../model/json.js';
import { KINDS, kindOf, type KindName } from '../kinds/registry.js';
import { splitKey } from '../executor/split-key.js';
import { envNames, RENDERED_PREFIX } from '../executor/env.js';
import type { Change } from './compare.js';
import type { Geo } from '../model/state.js';
import { operationFor } from './operations.js';
import { readinessFor, requestsFor } from './requests.js';
import { summarize } from './summary.js';

export interface PlanProblem {
  /** `operations[3]`, or a top-level field. */
  path: string;
  message: string;
}

/** `{$id:kind:key}` placeholders: resolved to ids and URL-encoded by the executor, so not path text. */
const PLACEHOLDER = /\{\$id:[^}]*\}/g;

/**
 * Everything that makes a plan unsafe to run as written, in plan order: a graph that is not one (duplicate ids,
 * dependsOn naming a missing operation, cycles), paths that could leave the API, and operations whose requests,
 * readiness checks, titles or destructive flags are not what the planner derives from their kind, key, action and
 * states. Empty: the plan may run. Pure.
 */
export function planProblems(plan: Plan): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const at = (index: number) => `operations[${index}]`;
  const seen = new Map<string, number>();
  plan.operations.forEach((op, index) => {
    const first = seen.get(op.id);
    if (first !== undefined) problems.push({ path: at(index), message: `operation id ${op.id} appears twice (also at ${at(first)})` });
    else seen.set(op.id, index);
  });
  plan.operations.forEach((op, index) => {
    for (const dep of op.dependsOn) {
      if (!seen.has(dep)) problems.push({ path: at(index), message: `${op.id} depends on ${dep}, which is not in the plan` });
      if (dep === op.id) problems.push({ path: at(index), message: `${op.id} depends on itself` });
    }
    for (const message of pathProblems(op)) problems.push({ path: at(index), message });
    for (const name of new Set(op.requests.flatMap((request) => (request.body ? envNames(request.body) : [])))) {
      if (!name.startsWith(RENDERED_PREFIX)) problems.push({ path: at(index), message: `${op.id}: a body renders ${name} from the environment; only ${RENDERED_PREFIX} variables may be` });
    }
    for (const message of derivationProblems(op, plan)) problems.push({ path: at(index), message });
  });
  for (const name of plan.env) {
    if (!name.startsWith(RENDERED_PREFIX)) problems.push({ path: 'env', message: `the plan asks for ${name}; only ${RENDERED_PREFIX} variables may be` });
  }
  const cycle = cycleOf(plan.operations);
  if (cycle.length > 0) problems.push({ path: 'operations', message: `dependency cycle: ${cycle.join(' → ')}` });
  if (canonicalJson(summarize(plan.operations)) !== canonicalJson(plan.summary)) {
    problems.push({ path: 'summary', message: 'the summary does not count the plan\'s operations' });
  }
  return problems;
}

/** A write's query (descriptor `storedAsSent`: `skip_hash=true`): plain words only. */
const SIMPLE_QUERY = /^\w+=\w+(?:&\w+=\w+)*$/;

/**
 * A path stays under the API's `/v2` only without `.`/`..` segments, encoded or not, and without encoded separators;
 * a query may follow, made of plain words.
 */
function pathProblems(op: Operation): string[] {
  const paths = [...op.requests.map((request) => request.path), ...(op.readiness ? [op.readiness.path] : [])];
  const problems: string[] = [];
  for (const path of paths) {
    const [literal = '', ...query] = path.replace(PLACEHOLDER, 'id').split('?');
    const segments = literal.split('/').slice(1);
    const bad =
      (query.length > 0 && (query.length > 1 || !SIMPLE_QUERY.test(query[0]!))) ||
      !literal.startsWith('/') ||
      /[\\?#\s]/.test(literal) ||
      /%(2f|5c|2e)/i.test(literal) ||
      segments.some((segment) => segment === '' || segment === '.' || segment === '..');
    if (bad) problems.push(`${op.id}: path ${JSON.stringify(path)} could leave the Konnect API (dot segments, encoded separators and empty segments are refused)`);
  }
  return problems;
}

/** What the planner would make of this operation, compared field by field. */
function derivationProblems(op: Operation, plan: Plan): string[] {
  if (!Object.hasOwn(KINDS, op.kind) || kindOf(op.kind).readOnly) return [`${op.id}: unknown or read-only kind ${op.kind}`];
  if (op.id !== `${op.action}:${op.kind}:${op.key}`) return [`${op.id}: the id does not match its action, kind and key (${op.action}:${op.kind}:${op.key})`];
  if (op.action === 'wait') return waitProblems(op, plan);
  const change = changeOf(op);
  if (typeof change === 'string') return [`${op.id}: ${change}`];
  const expected = operationFor(change, plan.geo).op;
  const problems: string[] = [];
  if (op.title !== expected.title) problems.push(`${op.id}: title ${JSON.stringify(op.title)} is not ${JSON.stringify(expected.title)}`);
  if (op.destructive !== expected.destructive) problems.push(`${op.id}: destructive is ${String(op.destructive)}, a ${op.action} is ${String(expected.destructive)}`);
  const requests = withPinnedId(op, requestsFor(change, plan.geo));
  const difference = firstDifference(op.requests, requests);
  if (difference) problems.push(`${op.id}: its requests are not what this ${op.action} sends (${difference})`);
  return problems;
}

/** A wait polls the entity its own write operation names, the way the planner builds it. */
function waitProblems(op: Operation, plan: Plan): string[] {
  const write = plan.operations.find((other) => other.action !== 'wait' && other.action !== 'delete' && other.kind === op.kind && other.key === op.key);
  if (!write || !op.dependsOn.includes(write.id)) return [`${op.id}: a wait must follow the create, update or replace of ${op.kind}:${op.key}`];
  const fields = write.fields ?? write.after;
  if (!fields) return [`${op.id}: ${write.id} has no after-state`];
  const expected = readinessFor(entityOf(op.kind, op.key, fields, write.geo), plan.geo);
  if (!expected || canonicalJson(expected) !== canonicalJson(op.readiness ?? null)) return [`${op.id}: its readiness check is not what the planner makes for ${op.kind}:${op.key}`];
  if (op.requests.length > 0 || op.destructive) return [`${op.id}: a wait sends no request and destroys nothing`];
  return [];
}

function entityOf(kind: KindName, key: string, fields: Record<string, unknown>, geo: Geo | undefined): Entity {
  const { controlPlane } = splitKey(kindOf(kind), key);
  return { kind, key, fields: fields as Entity['fields'], ...(controlPlane !== undefined ? { controlPlane } : {}), ...(geo !== undefined ? { geo } : {}) };
}

/** The change an operation stands for, from what the plan keeps of it; a string says what is missing. */
function changeOf(op: Operation): Change | string {
  const base = { kind: op.kind, key: op.key, patch: op.patch, ...(op.renamedFrom !== undefined ? { renamedFrom: op.renamedFrom } : {}) };
  const liveKey = op.renamedFrom ?? op.key;
  if (op.action === 'create') {
    if (!op.after) return 'a create needs its after-state';
    return { ...base, action: 'create', desired: entityOf(op.kind, op.key, op.after, op.geo), after: op.after };
  }
  if (op.action === 'delete') {
    if (!op.before) return 'a delete needs its before-state';
    return { ...base, action: 'delete', live: entityOf(op.kind, op.key, op.before, op.geo), before: op.before };
  }
  if (!op.before || !op.after || !op.fields) return `an ${op.action} needs before, after and fields`;
  return {
    ...base,
    action: op.action as 'update' | 'replace',
    desired: entityOf(op.kind, op.key, op.fields, op.geo),
    live: entityOf(op.kind, liveKey, op.before, op.geo),
    before: op.before,
    after: op.after,
  };
}

/**
 * Core entities take a client-chosen id, pinned in the file: the plan keeps it only in its create body, and an id
 * cannot take a request anywhere else, so it is taken as written.
 */
function withPinnedId(op: Operation, requests: PlannedRequest[]): PlannedRequest[] {
  const ref = `${op.kind}:${op.key}`;
  return requests.map((request, index) => {
    const written = op.requests[index]?.body?.id;
    const pinnable = request.captures === ref && request.method === 'POST' && kindOf(op.kind).api === 'core-entities';
    if (!pinnable || typeof written !== 'string' || !isJsonObject(request.body ?? null) || request.body!.id !== undefined) return request;
    return { ...request, body: { ...request.body!, id: written } };
  });
}

function firstDifference(actual: readonly PlannedRequest[], expected: readonly PlannedRequest[]): string | undefined {
  if (actual.length !== expected.length) return `${actual.length} requests, expected ${expected.length}`;
  for (let index = 0; index < actual.length; index++) {
    const have = actual[index]!;
    const want = expected[index]!;
    if (canonicalJson(have) === canonicalJson(want)) continue;
    const n = `request ${index + 1}`;
    if (have.method !== want.method) return `${n}: method ${have.method}, expected ${want.method}`;
    if (have.api !== want.api) return `${n}: api ${have.api}, expected ${want.api}`;
    if (have.path !== want.path) return `${n}: path ${have.path}, expected ${want.path}`;
    if (canonicalJson(have.body ?? null) !== canonicalJson(want.body ?? null)) return `${n}: the body differs from the operation's after-state`;
    return `${n}: ${canonicalJson(have)}, expected ${canonicalJson(want)}`;
  }
  return undefined;
}

/** The operations on a dependency cycle (one of them, in order), or []. Kahn's algorithm; unknown targets ignored. */
function cycleOf(operations: readonly Operation[]): string[] {
  const ids = new Set(operations.map((op) => op.id));
  const remaining = new Map(operations.map((op) => [op.id, new Set(op.dependsOn.filter((dep) => ids.has(dep)))]));
  const dependents = new Map<string, string[]>();
  for (const [id, deps] of remaining) {
    for (const dep of deps) {
      const list = dependents.get(dep);
      if (list) list.push(id);
      else dependents.set(dep, [id]);
    }
  }
  const ready = [...remaining].filter(([, deps]) => deps.size === 0).map(([id]) => id);
  while (ready.length > 0) {
    const id = ready.pop()!;
    remaining.delete(id);
    for (const next of dependents.get(id) ?? []) {
      const deps = remaining.get(next);
      if (!deps) continue;
      deps.delete(id);
      if (deps.size === 0) ready.push(next);
    }
  }
  if (remaining.size === 0) return [];
  // Walk dependencies from any leftover until one repeats: that stretch is a cycle.
  const path: string[] = [];
  let current = remaining.keys().next().value!;
  while (!path.includes(current)) {
    path.push(current);
    current = [...remaining.get(current)!][0]!;
  }
  return [...path.slice(path.indexOf(current)), current];
}
