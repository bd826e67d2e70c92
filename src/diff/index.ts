import type { DesiredState, LiveState } from '../model/state.js';
import { PLAN_FORMAT, type Operation, type PatchOp, type Plan } from '../model/plan.js';
import type { Entity, EntityRef } from '../model/entity.js';
import type { JsonObject } from '../model/json.js';
import { PlanError } from '../errors.js';
import { kindOf } from '../kinds/registry.js';
import { classify, diffKeyed, indexEntities, type Change } from './compare.js';
import { implicitScope } from './entity-refs.js';
import { mapIdRefs, resolveReferences, where } from './references.js';
import { ownedIds } from './claims.js';
import { canDelete } from './requests.js';
import { operationFor } from './operations.js';
import { linkDependencies, topoSort, type PlannedChange } from './order.js';
import { secretRewriter, type SecretRewriter } from './secrets.js';
import { summarize } from './summary.js';

export interface PlanOptions {
  /** Extra select tags from --select-tag (must agree with files that set their own). */
  selectTags?: string[];
}

/**
 * The pure heart: desired vs live → an ordered, deterministic plan. Throws PlanError (unresolvable reference,
 * cycle). Inputs are never mutated.
 */
export function buildPlan(desired: DesiredState, live: LiveState, options: PlanOptions = {}): Plan {
  const liveEntities = live.entities.filter((entity) => !entity.raw || kindOf(entity.kind).exists?.(entity.raw) !== false);
  const desiredEntities = mapIdRefs(desired.entities, liveEntities);
  const desiredIndex = uniqueIndex(desiredEntities);
  const liveIndex = indexEntities(liveEntities);
  const desiredScope = implicitScope(desiredEntities);
  const liveScope = implicitScope(liveEntities);
  const resolution = resolveReferences({
    desired: desiredEntities,
    desiredIndex,
    liveIndex,
    scopes: desired.scopes,
    claims: desired.claims,
    implicit: desiredScope,
  });
  const ownership = { claims: desired.claims, extraSelectTags: options.selectTags ?? [], lookedUp: resolution.lookedUp, owned: ownedIds(liveEntities) };
  const warnings = [...(desired.warnings ?? []), ...resolution.warnings];
  const changes = diffKeyed(desiredIndex, liveIndex, (_key, want, have) => classify(want, have, ownership)).filter((change) => {
    if (change.action !== 'delete' || canDelete(change.live!)) return true;
    warnings.push(`${kindOf(change.kind).title} ${change.key} is not desired but cannot be deleted through the API: left as it is`);
    return false;
  });
  const planned: PlannedChange[] = changes.map((change) => operationFor(change, desired.geo));
  warnings.push(...linkDependencies(planned, desiredScope, liveScope));
  for (const { op } of planned) if (op.action === 'replace') warnings.push(`${op.title} will be replaced (deleted, then created): ${op.reason}`);

  const used = new Set<string>();
  const rewrite = secretRewriter(desired.env, used);
  const operations: Operation[] = [];
  for (const item of planned) {
    operations.push(rewrite ? scrub(item.op, rewrite) : item.op);
    if (item.wait) operations.push(item.wait);
  }
  const sorted = topoSort(operations);
  return {
    format: PLAN_FORMAT,
    geo: desired.geo,
    operations: sorted,
    summary: summarize(sorted),
    warnings: [...new Set(warnings)].sort(),
    env: [...used].sort(),
  };
}

function uniqueIndex(entities: readonly Entity[]): Map<EntityRef, Entity> {
  const index = new Map<EntityRef, Entity>();
  for (const entity of entities) {
    const ref = `${entity.kind}:${entity.key}`;
    const seen = index.get(ref);
    if (seen) throw new PlanError(`${where(entity)}: ${kindOf(entity.kind).title} ${entity.key} is declared twice (also at ${where(seen)})`);
    index.set(ref, entity);
  }
  return index;
}

/** The operation with every DECK_ value in its data turned into its env expression. */
function scrub(op: Operation, rewrite: SecretRewriter): Operation {
  const out: Operation = { ...op, requests: op.requests.map((request) => (request.body ? { ...request, body: rewrite(request.body) as JsonObject } : request)) };
  out.patch = op.patch.map((patch) => (patch.value === undefined ? patch : ({ ...patch, value: rewrite(patch.value) } as PatchOp)));
  if (op.before) out.before = rewrite(op.before) as JsonObject;
  if (op.after) out.after = rewrite(op.after) as JsonObject;
  return out;
}

export type { Change };
