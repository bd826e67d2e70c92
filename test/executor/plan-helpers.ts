import type { JsonObject } from '../../src/model/json.js';
import { PLAN_FORMAT, type Operation, type Plan, type PlannedRequest, type ReadinessCheck } from '../../src/model/plan.js';
import type { KindName } from '../../src/kinds/kind-names.js';

export const CP = 'payments';
export const CP_ID = 'cp-1';
export const CORE = '/control-planes/{$id:control_plane:payments}/core-entities';
export const CORE_LIVE = `/control-planes/${CP_ID}/core-entities`;

export function plan(operations: Operation[]): Plan {
  const summary = { create: 0, update: 0, replace: 0, delete: 0, wait: 0, total: 0 };
  for (const op of operations) {
    summary[op.action]++;
    if (op.action !== 'wait') summary.total++;
  }
  return { format: PLAN_FORMAT, geo: 'us', operations, summary, warnings: [], env: [] };
}

interface OpInput {
  kind: KindName;
  key: string;
  requests: PlannedRequest[];
  dependsOn?: string[];
  before?: JsonObject;
  fingerprint?: { id: string; version: string };
}

function op(action: Operation['action'], input: OpInput): Operation {
  const out: Operation = {
    id: `${action}:${input.kind}:${input.key}`,
    action,
    kind: input.kind,
    key: input.key,
    title: `${input.kind.replace(/_/g, ' ')} ${input.key}`,
    destructive: action === 'delete' || action === 'replace',
    requests: input.requests,
    patch: [],
    dependsOn: input.dependsOn ?? [],
  };
  if (input.before) out.before = input.before;
  if (input.fingerprint) out.fingerprint = input.fingerprint;
  return out;
}

/** A gateway entity create under control plane `payments` (`collection` e.g. `services`). */
export function createCore(kind: KindName, local: string, collection: string, body: JsonObject, dependsOn: string[] = []): Operation {
  return op('create', {
    kind,
    key: `${CP}/${local}`,
    dependsOn,
    requests: [{ api: 'core-entities', method: 'POST', path: `${CORE}/${collection}`, body, captures: `${kind}:${CP}/${local}` }],
  });
}

export function createPlatform(kind: KindName, key: string, path: string, body: JsonObject, dependsOn: string[] = []): Operation {
  return op('create', { kind, key, dependsOn, requests: [{ api: 'cloud-gateways', method: 'POST', path, body, captures: `${kind}:${key}` }] });
}

export function replaceCore(kind: KindName, local: string, collection: string, oldId: string, body: JsonObject, dependsOn: string[] = []): Operation {
  return op('replace', {
    kind,
    key: `${CP}/${local}`,
    dependsOn,
    fingerprint: { id: oldId, version: 'v:1' },
    requests: [
      { api: 'core-entities', method: 'DELETE', path: `${CORE}/${collection}/{$id:${kind}:${CP}/${local}}` },
      { api: 'core-entities', method: 'POST', path: `${CORE}/${collection}`, body, captures: `${kind}:${CP}/${local}` },
    ],
  });
}

export function updateCore(kind: KindName, local: string, collection: string, id: string, version: string, body: JsonObject, dependsOn: string[] = []): Operation {
  return op('update', {
    kind,
    key: `${CP}/${local}`,
    dependsOn,
    fingerprint: { id, version },
    before: body,
    requests: [{ api: 'core-entities', method: 'PUT', path: `${CORE}/${collection}/{$id:${kind}:${CP}/${local}}`, body }],
  });
}

export function waitOp(kind: KindName, key: string, readiness: ReadinessCheck, dependsOn: string[]): Operation {
  const out = op('wait', { kind, key, dependsOn, requests: [] });
  out.readiness = readiness;
  return out;
}

export const ref = (kind: KindName, key: string): JsonObject => ({ $id: `${kind}:${key}` });

/** The control plane `payments` as Konnect lists it. */
export const CONTROL_PLANE = { id: CP_ID, name: CP, config: { cluster_type: 'CLUSTER_TYPE_CONTROL_PLANE', cloud_gateway: true } };
