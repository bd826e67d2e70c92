import { indexByRef, type DesiredState, type LiveState } from '../model/state.js';
import { PLAN_FORMAT, type Operation, type PatchOp, type Plan } from '../model/plan.js';
import type { Entity, EntityRef } from '../model/entity.js';
import type { JsonObject } from '../model/json.js';
import { PlanError } from '../errors.js';
import { kindOf } from '../kinds/registry.js';
import { classify, diffKeyed, type Change } from './compare.js';
import { implicitScope } from './entity-refs.js';
import { mapIdRefs, resolveReferences, where } from './references.js';
import { ComparedPairs, sameEntities, tryPrepareDesired, uniqueIndex, type PreparedDesired } from './prepare.js';
import { ownedIds } from './claims.js';
import { canDelete } from './requests.js';
import { operationFor } from './operations.js';
import { linkDependencies, topoSort, type PlannedChange } from './order.js';
import { secretRewriter, type SecretRewriter } from './secrets.js';
import { summarize } from './summary.js';
import { propagateReplacements } from './replacements.js';
import { pairByMatch, pairPinnedIds } from './renames.js';
import { changeConflict, isProtected, stateOwner, type OwnershipView } from './ownership.js';
import { deleteScope, dependentsIndex } from './delete-scope.js';
import { redactLive } from '../model/secret-fields.js';
import { assertLiveChecks } from './live-checks.js';
import { controlPlaneGeos, placeByLiveControlPlanes, refuseGeoMoves } from './geos.js';

/**
 * The pure heart: desired vs live → an ordered, deterministic plan. Throws PlanError (unresolvable reference,
 * duplicate key, cycle). Inputs are never mutated. Steps, one file each:
 * 1. references.ts: `id:<uuid>` references → keys; every reference resolves (desired, lookup tags, unclaimed live).
 * 2. compare.ts + normalize.ts + claims.ts: pair by kind+key; create / update / replace / delete (claimed only).
 *    replacements.ts: replacements propagated to children and a control plane's entities; blocking referrers fail.
 * 3. operations.ts + requests.ts: requests with id placeholders, a wait after async writes, live fingerprints.
 * 4. order.ts: dependsOn from references (after: desired, before: live); Kahn sort, ties by id.
 * 5. secrets.ts: every DECK_ value (rendered or only in the environment) → `${{ env "DECK_X" }}`; then the live
 *    side's secret fields and env-sourced fields are masked (model/secret-fields.ts): a rotated value's old value
 *    is in no environment, so no masker could catch it later.
 */
export function buildPlan(desired: DesiredState, live: LiveState): Plan {
  return createPlanner(desired).plan(live);
}

/**
 * buildPlan in steps, so that work can be done while live state is still being read: the desired side's index and
 * references when the planner is made, the comparison of each kind's live entities with their desired namesakes as
 * they are decoded (`addLive`). `plan(live)` returns exactly what buildPlan(desired, live) returns: what was worked
 * out ahead is used only where the very same objects are planned (else it is worked out again).
 */
export interface Planner {
  /** Live entities as the reader decodes them (any kinds, any order; each entity once): compared ahead. */
  addLive(entities: readonly Entity[]): void;
  /** The plan, with the complete live state. */
  plan(live: LiveState): Plan;
}

export function createPlanner(desired: DesiredState): Planner {
  const prepared = tryPrepareDesired(desired.entities);
  const compared = new ComparedPairs();
  return {
    addLive: (entities) => {
      if (prepared) compared.add(prepared.index, entities);
    },
    plan: (live) => planWith(desired, live, prepared, compared),
  };
}

function planWith(desired: DesiredState, live: LiveState, ahead: PreparedDesired | undefined, compared: ComparedPairs): Plan {
  const liveEntities = live.entities.filter((entity) => !entity.raw || kindOf(entity.kind).exists?.(entity.raw) !== false);
  assertLiveChecks(desired.liveChecks, liveEntities);
  const viaId = new Set<EntityRef>();
  const desiredEntities = placeByLiveControlPlanes(mapIdRefs(desired.entities, liveEntities, viaId), liveEntities, desired.geo);
  const prepared = ahead && sameEntities(ahead.entities, desiredEntities) ? ahead : undefined;
  const desiredIndex = prepared?.index ?? uniqueIndex(desiredEntities);
  const liveIndex = indexByRef(liveEntities);
  const desiredScope = prepared?.scope ?? implicitScope(desiredEntities);
  const liveScope = implicitScope(liveEntities);
  const view: OwnershipView = { owner: stateOwner(desired.owner), desired: desiredIndex, live: liveIndex };
  const resolution = resolveReferences({
    desired: desiredEntities,
    desiredIndex,
    liveIndex,
    scopes: desired.scopes,
    claims: desired.claims,
    implicit: desiredScope,
    view,
    viaId,
    ...(prepared ? { refs: prepared.refs } : {}),
  });
  const ownership = { claims: desired.claims, lookedUp: resolution.lookedUp, owned: ownedIds(liveEntities), view };
  const warnings = [...(desired.warnings ?? []), ...resolution.warnings];
  refuseGeoMoves(desiredIndex, liveIndex, desired.geo);
  const pinned = pairPinnedIds(desiredIndex, liveIndex);
  const renamedFrom = pinned.renamedFrom;
  const pairedLive = pairByMatch(desiredIndex, pinned.live, renamedFrom);
  const defaults = live.defaults;
  const renames = renamedFrom.size > 0;
  const changes = diffKeyed(desiredIndex, pairedLive, (key, want, have) => {
    const change = classify(want, have, ownership, defaults, compared);
    return renames ? withRename(change, renamedFrom.get(key)) : change;
  }).filter((change) => {
    if (change.action !== 'delete' || canDelete(change.live!)) return true;
    warnings.push(`${kindOf(change.kind).title} ${change.key} is not desired but cannot be deleted through the API: left as it is`);
    return false;
  });
  refuseForeignChanges(changes, view);
  const propagation = propagateReplacements({ changes, desired: desiredIndex, live: pairedLive, desiredScope, liveScope });
  warnings.push(...propagation.warnings);
  refuseProtected(propagation.changes, view);
  const planned: PlannedChange[] = propagation.changes.map((change) => operationFor(change, desired.geo));
  addDeleteScopes(planned, liveEntities);
  linkDependencies(planned, desiredScope, liveScope, propagation.removeFirst);

  const used: SecretUse = { anywhere: new Set(), inBodies: new Set() };
  const rewrite = secretRewriter(desired.env, desired.secrets);
  const operations: Operation[] = [];
  for (const item of planned) {
    operations.push(redact(rewrite ? scrub(item.op, rewrite, used) : item.op));
    if (item.wait) operations.push(item.wait);
  }
  // apply needs what its request bodies hold, and (as before) every variable the files render that the plan shows.
  const rendered = new Set(desired.env.map((use) => use.name));
  const needed = [...used.inBodies, ...[...used.anywhere].filter((name) => rendered.has(name))];
  const sorted = topoSort(operations);
  const placed = controlPlaneGeos([...desiredEntities, ...liveEntities], desired.geo);
  return {
    format: PLAN_FORMAT,
    geo: desired.geo,
    ...(placed ? { controlPlaneGeos: placed } : {}),
    operations: sorted,
    summary: summarize(sorted),
    warnings: [...new Set(warnings)].sort(),
    env: [...new Set(needed)].sort(),
  };
}

/** A change to what another state manages, or to an existing resource nobody adopted: refused, every one named. */
function refuseForeignChanges(changes: readonly Change[], view: OwnershipView): void {
  const conflicts = changes
    .filter((change) => change.desired !== undefined)
    .map((change) => {
      const reason = changeConflict(change.desired!, change.live, view);
      return reason && `${where(change.desired!)}: ${reason}`;
    })
    .filter((line): line is string => line !== undefined);
  if (conflicts.length > 0) throw new PlanError(conflicts.join('\n'));
}

/** A delete or replacement of a protected platform resource, whatever the flags. */
function refuseProtected(changes: readonly Change[], view: OwnershipView): void {
  const refused = changes
    .filter((change) => (change.action === 'delete' || change.action === 'replace') && kindOf(change.kind).scope === 'org')
    .filter((change) => isProtected(change.desired, change.live, view))
    .map((change) => {
      const title = `${kindOf(change.kind).title} ${change.key}`;
      const at = change.desired ? `${where(change.desired)}: ` : '';
      return `${at}${title} is protected: no plan may ${change.action === 'delete' ? 'delete' : 'replace'} it${change.reason ? ` (${change.reason})` : ''}; remove \`protected: true\` and sync that change first`;
    });
  if (refused.length > 0) throw new PlanError(refused.join('\n'));
}

/** Deleted or replaced platform resources list what Konnect deletes with them. */
function addDeleteScopes(planned: PlannedChange[], live: readonly Entity[]): void {
  const roots = planned.filter(({ change }) => (change.action === 'delete' || change.action === 'replace') && change.live && kindOf(change.kind).scope === 'org');
  if (roots.length === 0) return;
  const dependents = dependentsIndex(live);
  const withOps = new Set(planned.map(({ change }) => `${change.kind}:${change.key}`));
  for (const { change, op } of roots) {
    const scope = deleteScope(change.live!, dependents, withOps);
    if (scope) op.scope = scope;
  }
}

function withRename(change: Change | undefined, from: string | undefined): Change | undefined {
  if (!change || from === undefined) return change;
  return { ...change, renamedFrom: from, reason: change.reason ? `${change.reason}; renamed from ${from}` : `renamed from ${from}` };
}

interface SecretUse {
  anywhere: Set<string>;
  inBodies: Set<string>;
}

/** The operation with every DECK_ value in its data turned into its env expression. */
function scrub(op: Operation, rewrite: SecretRewriter, used: SecretUse): Operation {
  const body = (value: JsonObject) => rewrite(value, used.inBodies) as JsonObject;
  const out: Operation = { ...op, requests: op.requests.map((request) => (request.body ? { ...request, body: body(request.body) } : request)) };
  out.patch = op.patch.map((patch) => (patch.value === undefined ? patch : ({ ...patch, value: rewrite(patch.value, used.anywhere) } as PatchOp)));
  if (op.before) out.before = rewrite(op.before, used.anywhere) as JsonObject;
  if (op.after) out.after = rewrite(op.after, used.anywhere) as JsonObject;
  if (op.fields) out.fields = rewrite(op.fields, used.anywhere) as JsonObject;
  return out;
}

const NO_SECRETS: readonly string[] = [];

/** The live side with secret fields and the old values of env-sourced fields masked: what Konnect holds stays there. */
function redact(op: Operation): Operation {
  if (!op.before) return op;
  return { ...op, before: redactLive(op.before, op.after, kindOf(op.kind).secrets ?? NO_SECRETS) };
}

