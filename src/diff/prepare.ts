// Planning work that needs no live state, or one kind of it: done ahead (while the rest is read), checked at plan time.
import { entityRef, type Entity, type EntityRef } from '../model/entity.js';
import type { JsonObject } from '../model/json.js';
import { PlanError } from '../errors.js';
import { kindOf } from '../kinds/registry.js';
import type { KindDescriptor, LearnedDefaults } from '../kinds/descriptor.js';
import { allRefs, implicitScope, type HeldRef, type ImplicitScope } from './entity-refs.js';
import { blameOf, where } from './references.js';
import { comparablePair, sameComparable, type ComparisonForms, type Pairing } from './normalize.js';

/** The desired side's index, implicit scope and references: what buildPlan derives from the entity list alone. */
export interface PreparedDesired {
  entities: readonly Entity[];
  index: Map<EntityRef, Entity>;
  scope: ImplicitScope;
  /** allRefs of each entity, by position. */
  refs: ReadonlyArray<readonly HeldRef[]>;
}

/** Throws PlanError on a key declared twice. */
export function prepareDesired(entities: readonly Entity[]): PreparedDesired {
  const index = uniqueIndex(entities);
  const scope = implicitScope(entities);
  return { entities, index, scope, refs: entities.map((entity) => allRefs(entity, scope)) };
}

/** Undefined where buildPlan must find (and report) the duplicate itself, in its own order of checks. */
export function tryPrepareDesired(entities: readonly Entity[]): PreparedDesired | undefined {
  try {
    return prepareDesired(entities);
  } catch (error) {
    if (error instanceof PlanError) return undefined;
    throw error;
  }
}

/** Whether two lists hold the same entity objects in the same order (a prepared list still applies). */
export function sameEntities(a: readonly Entity[], b: readonly Entity[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function uniqueIndex(entities: readonly Entity[]): Map<EntityRef, Entity> {
  const index = new Map<EntityRef, Entity>();
  for (const entity of entities) {
    const ref = `${entity.kind}:${entity.key}`;
    const seen = index.get(ref);
    if (seen) throw new PlanError(`${where(entity)}: ${kindOf(entity.kind).title} ${entity.key} is declared twice (also at ${where(seen)})`, blameOf(entity));
    index.set(ref, entity);
  }
  return index;
}

/** What a pair's comparison read: the same objects at plan time give the same answer. */
interface ComparedPair {
  desired: Entity;
  desiredFields: JsonObject;
  liveFields: JsonObject;
  desiredDefaults: JsonObject | undefined;
  liveDefaults: JsonObject | undefined;
  desiredSets: readonly string[];
  liveSets: readonly string[];
  /** The comparison forms of a pair that differs (absent: equal); handed out once, to one plan. */
  forms?: ComparisonForms;
  formsTaken?: boolean;
}

/**
 * Pairs compared ahead, keyed by live entity: whether they are equal, and the comparison forms of those that differ.
 * Worked out without learned defaults (the reader may not have them yet): at plan time a pair's answer counts only if
 * its desired entity and both field objects are the very ones compared and, when the live state brings learned
 * defaults, both defaults objects and set-path lists are the very ones read then (descriptors' `defaults` and `sets`
 * are pure); else it is compared again.
 */
export class ComparedPairs implements Pairing {
  // A Map, not a WeakMap: it lives as long as the planner (and a GC need not trace 100k ephemerons).
  private readonly pairs = new Map<Entity, ComparedPair>();

  add(desiredIndex: ReadonlyMap<EntityRef, Entity>, live: readonly Entity[]): void {
    for (const entity of live) {
      const desired = desiredIndex.get(entityRef(entity.kind, entity.key));
      const descriptor = kindOf(entity.kind);
      if (descriptor.readOnly) continue;
      const equal = desired !== undefined && sameComparable(desired, entity, descriptor);
      // Likely an operation, which records the entity's fingerprint: the reader hashes it on first read, now then.
      if (!equal) void entity.fingerprint;
      if (!desired) continue;
      this.pairs.set(entity, {
        desired,
        desiredFields: desired.fields,
        liveFields: entity.fields,
        desiredDefaults: descriptor.defaults?.(desired.fields),
        liveDefaults: descriptor.defaults?.(entity.fields),
        desiredSets: descriptor.sets(desired.fields),
        liveSets: descriptor.sets(entity.fields),
        ...(equal ? {} : { forms: comparablePair(desired, entity, descriptor) }),
      });
    }
  }

  same(desired: Entity, live: Entity, descriptor: KindDescriptor, learned?: LearnedDefaults): boolean {
    const pair = this.still(desired, live, descriptor, learned);
    return pair ? pair.forms === undefined : sameComparable(desired, live, descriptor, learned);
  }

  forms(desired: Entity, live: Entity, descriptor: KindDescriptor, learned?: LearnedDefaults): ComparisonForms {
    const pair = this.still(desired, live, descriptor, learned);
    if (!pair?.forms || pair.formsTaken) return comparablePair(desired, live, descriptor, learned);
    pair.formsTaken = true;
    return pair.forms;
  }

  /** The pair's record, when it still applies. */
  private still(desired: Entity, live: Entity, descriptor: KindDescriptor, learned: LearnedDefaults | undefined): ComparedPair | undefined {
    const pair = this.pairs.get(live);
    if (!pair || pair.desired !== desired || pair.desiredFields !== desired.fields || pair.liveFields !== live.fields) return undefined;
    if (learned === undefined) return pair;
    const same =
      pair.desiredDefaults === descriptor.defaults?.(desired.fields, learned) &&
      pair.liveDefaults === descriptor.defaults?.(live.fields, learned) &&
      pair.desiredSets === descriptor.sets(desired.fields) &&
      pair.liveSets === descriptor.sets(live.fields);
    return same ? pair : undefined;
  }
}
