// Replacements propagated to a fixed point (cdk-diff style): what a replaced entity takes with it, what must be
// recreated after it, and what makes the replacement impossible (a referrer Konnect would refuse to delete it under).
import { entityRef, type Entity, type EntityRef } from '../model/entity.js';
import { PlanError } from '../errors.js';
import { blameOf } from './references.js';
import { allRefs, SCOPE_PATH, type ImplicitScope } from './entity-refs.js';
import type { Change } from './compare.js';
import { isChildOf, referrerIndex } from './referrers.js';
import { assertOrderable, blockedMessage, titleOf, type Blocked, type RemovalEdge } from './replacement-errors.js';

export interface PropagationInput {
  changes: readonly Change[];
  /** Desired and live entities by `kind:key` (live as paired with desired, renames applied). */
  desired: ReadonlyMap<EntityRef, Entity>;
  live: ReadonlyMap<EntityRef, Entity>;
  desiredScope: ImplicitScope;
  liveScope: ImplicitScope;
}

export interface Propagation {
  changes: Change[];
  warnings: string[];
  /** Removal order the changes' own references cannot express: ref → refs whose removal must come first. */
  removeFirst: Map<EntityRef, EntityRef[]>;
}

/**
 * Every replaced entity's children are replaced with it, and a replaced control plane's entities go with it
 * (desired ones are recreated, the others vanish with no request of their own). A replaced entity that references
 * another replaced one is split into a delete (before the other's delete) and a create (after the other's create).
 * Throws PlanError when a referrer that stays would make Konnect refuse a delete, or when no order works.
 */
export function propagateReplacements(input: PropagationInput): Propagation {
  if (!input.changes.some((change) => change.action === 'replace')) return { changes: [...input.changes], warnings: [], removeFirst: new Map() };
  const index = referrerIndex(input.live.values(), input.liveScope);
  const replaced = new Map<EntityRef, string>();
  /** Entities that live in a replaced control plane → that control plane's ref. */
  const goesWith = new Map<EntityRef, EntityRef>();
  const queue: EntityRef[] = [];
  for (const change of input.changes) {
    if (change.action !== 'replace') continue;
    const ref = entityRef(change.kind, change.key);
    replaced.set(ref, change.reason ?? 'replaced');
    queue.push(ref);
  }
  for (let next = 0; next < queue.length; next++) {
    const target = queue[next]!;
    const parent = input.live.get(target)!;
    for (const referrer of index.get(target) ?? []) {
      if (referrer.path === SCOPE_PATH) goesWith.set(referrer.ref, target);
      else if (!replaced.has(referrer.ref) && input.desired.has(referrer.ref) && isChildOf(referrer.entity, parent)) {
        replaced.set(referrer.ref, `recreated with its parent ${titleOf(parent)}`);
        queue.push(referrer.ref);
      }
    }
  }
  for (const ref of goesWith.keys()) replaced.delete(ref);

  const byRef = new Map(input.changes.map((change) => [entityRef(change.kind, change.key), change]));
  const split = new Set<EntityRef>();
  const removeFirst = new Map<EntityRef, EntityRef[]>();
  const edges: RemovalEdge[] = [];
  const blocked: Blocked[] = [];
  for (const [target, reason] of replaced) {
    const entity = input.live.get(target)!;
    const blockers = new Map<EntityRef, Entity>();
    for (const referrer of index.get(target) ?? []) {
      if (referrer.path === SCOPE_PATH) continue;
      const holder = goesWith.get(referrer.ref);
      if (replaced.has(referrer.ref)) {
        split.add(referrer.ref);
        edges.push({ first: referrer.ref, then: target, why: `${titleOf(referrer.entity)} uses ${titleOf(entity)}` });
      } else if (holder !== undefined) {
        const firsts = removeFirst.get(target);
        if (firsts) firsts.push(holder);
        else removeFirst.set(target, [holder]);
        edges.push({ first: holder, then: target, why: `${titleOf(referrer.entity)} in ${titleOf(input.live.get(holder)!)} uses ${titleOf(entity)}` });
      } else if (stillUses(byRef.get(referrer.ref), target, input.desiredScope)) {
        blockers.set(referrer.ref, referrer.entity);
      }
    }
    if (blockers.size > 0) blocked.push({ target: entity, reason, blockers: [...blockers.values()] });
  }
  if (blocked.length > 0) {
    // Blame the file line that asks for the replacement: the desired side of the first blocked entity from a file.
    const blame = blocked.map((b) => input.desired.get(entityRef(b.target.kind, b.target.key))).find((entity) => entity?.source);
    throw new PlanError(blocked.map(blockedMessage).join('\n'), blame ? blameOf(blame) : undefined);
  }
  assertOrderable(
    edges,
    (ref) => titleOf((input.live.get(ref) ?? input.desired.get(ref))!),
    (ref) => {
      const desired = input.desired.get(ref);
      return desired ? blameOf(desired) : undefined;
    },
  );

  const changes: Change[] = [];
  const seen = new Set<EntityRef>();
  const lost = new Map<EntityRef, number>();
  const rewrite = (ref: EntityRef, change: Change | undefined) => {
    seen.add(ref);
    const holder = goesWith.get(ref);
    const desired = input.desired.get(ref);
    if (holder !== undefined) {
      if (desired) changes.push(created(desired, `recreated with ${titleOf(input.live.get(holder)!)}`));
      else lost.set(holder, (lost.get(holder) ?? 0) + 1);
    } else if (replaced.has(ref) && (split.has(ref) || change?.action !== 'replace')) {
      const reason = replaced.get(ref)!;
      changes.push(deleted(input.live.get(ref)!, reason, change?.renamedFrom), created(desired!, reason));
    } else if (change) {
      changes.push(change);
    }
  };
  for (const change of input.changes) rewrite(entityRef(change.kind, change.key), change);
  for (const ref of [...replaced.keys(), ...goesWith.keys()]) if (!seen.has(ref)) rewrite(ref, undefined);

  const warnings = [...replaced].map(([ref, reason]) => `${titleOf(input.live.get(ref)!)} will be replaced (deleted, then created): ${reason}`);
  for (const [holder, count] of lost) {
    warnings.push(`${titleOf(input.live.get(holder)!)} is replaced: ${count} ${count === 1 ? 'entity' : 'entities'} in it that the files do not declare ${count === 1 ? 'is' : 'are'} lost with it`);
  }
  return { changes, warnings, removeFirst };
}

/** Whether a live referrer still references `target` once the plan has run (it is neither deleted nor repointed). */
function stillUses(change: Change | undefined, target: EntityRef, scope: ImplicitScope): boolean {
  if (!change) return true;
  if (change.action === 'delete') return false;
  if (change.action === 'update') return allRefs(change.desired!, scope).some((held) => held.ref === target);
  return true;
}

function created(desired: Entity, reason: string): Change {
  return { action: 'create', kind: desired.kind, key: desired.key, desired, after: desired.fields, patch: [], reason };
}

function deleted(live: Entity, reason: string, renamedFrom: string | undefined): Change {
  const entity = renamedFrom === undefined ? live : { ...live, key: renamedFrom };
  return { action: 'delete', kind: entity.kind, key: entity.key, live: entity, before: entity.fields, patch: [], reason };
}
