import type { Fingerprint } from '../model/entity.js';
import type { JsonObject } from '../model/json.js';
import type { Operation, Plan } from '../model/plan.js';
import type { KonnectApi } from '../konnect/types.js';
import type { Geo } from '../model/state.js';
import { ApiError } from '../konnect/api-error.js';
import { kindOf } from '../kinds/registry.js';
import { isJsonObject } from '../model/json.js';
import { entityRef, scopedKey } from '../model/entity.js';
import { fingerprintOf } from '../model/fingerprint.js';
import { resolveIds, type IdResolver } from './resolve.js';
import { UnresolvedIdError } from './errors.js';
import { fillPath } from '../kinds/path-template.js';
import { CONTROL_PLANE_KIND } from '../kinds/control-plane-kind.js';
import { splitKey } from './split-key.js';

/** An operation whose live entity is no longer what the plan was computed from. */
export interface StaleOperation {
  id: string;
  /** Absent for creates: the plan expected no entity. */
  expected?: Fingerprint;
  /** Absent: the entity is gone. */
  actual?: Fingerprint;
  /**
   * `exists`: a create's entity was made since planning (e.g. the plan was already applied). `elsewhere`: the id the
   * plan holds is not the entity its key names in Konnect (an edited fingerprint would redirect the write).
   */
  reason: 'changed' | 'deleted' | 'exists' | 'elsewhere';
}

export interface StaleCheckOptions {
  /** Share lookups with executePlan (the same resolver). */
  resolver?: IdResolver;
  signal?: AbortSignal;
  /** From this many touched entities in one collection, one listing is cheaper than GETs by id. @default 5 */
  listThreshold?: number;
}

interface Target {
  op: Operation;
  fingerprint: Fingerprint;
  itemPath: string;
  listPath: string;
}

/**
 * Re-reads every live entity the plan touches (by id: one GET each, or one listing of the collection where that is
 * cheaper, shared with the resolver's lookups) and compares its fingerprint with the plan's, using the reader's
 * `fingerprintOf`. Aggregate kinds (a group's member list) have no item of their own and are not checked.
 */
export async function checkFingerprints(plan: Plan, api: KonnectApi, options: StaleCheckOptions = {}): Promise<StaleOperation[]> {
  const resolver = options.resolver ?? resolveIds(plan, api, options.signal ? { signal: options.signal } : {});
  const groups = new Map<string, Target[]>();
  for (const op of plan.operations) {
    const fingerprint = op.fingerprint;
    if (!fingerprint || op.action === 'wait' || op.action === 'create' || kindOf(op.kind).aggregate) continue;
    const { listPath, itemPath } = await locate(op, fingerprint.id, resolver);
    // The same path in two geos (`/control-planes`) is two collections.
    const collection = op.geo === undefined ? listPath : `${op.geo} ${listPath}`;
    const group = groups.get(collection) ?? [];
    group.push({ op, fingerprint, itemPath, listPath });
    groups.set(collection, group);
  }
  const stale: StaleOperation[] = [];
  const threshold = options.listThreshold ?? 5;
  for (const [, targets] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const { op: first, listPath } = targets[0]!;
    const descriptor = kindOf(first.kind);
    const current = new Map<string, JsonObject>();
    if (targets.length >= threshold) {
      const items = await resolver.list(descriptor.kind, listPath, first.geo);
      for (const item of items) if (typeof item.id === 'string') current.set(item.id, item);
    } else {
      for (const target of targets) {
        const raw = await getItem(api, descriptor.api, target.itemPath, options.signal, first.geo);
        if (raw) current.set(target.fingerprint.id, raw);
      }
    }
    for (const target of targets) {
      const raw = current.get(target.fingerprint.id);
      const exists = raw !== undefined && (descriptor.exists?.(raw) ?? true);
      if (!exists) {
        stale.push({ id: target.op.id, expected: target.fingerprint, reason: 'deleted' });
        continue;
      }
      const actual = fingerprintOf(target.fingerprint.id, raw);
      if (actual.version !== target.fingerprint.version) stale.push({ id: target.op.id, expected: target.fingerprint, actual, reason: 'changed' });
      else if (!(await namesItsEntity(target, resolver))) stale.push({ id: target.op.id, expected: target.fingerprint, reason: 'elsewhere' });
    }
  }
  stale.push(...(await createdSincePlanning(plan, resolver)));
  const order = new Map(plan.operations.map((op, index) => [op.id, index]));
  return stale.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

/**
 * Whether the entity the operation's key names in Konnect (the live key: `renamedFrom` for a rename) has the
 * fingerprint's id: matched against the collection's listing, shared with the other checks.
 */
async function namesItsEntity(target: Target, resolver: IdResolver): Promise<boolean> {
  const { op, fingerprint } = target;
  const hit = await resolver.lookup(`${op.kind}:${op.renamedFrom ?? op.key}`, { listing: true });
  return hit?.id === fingerprint.id;
}

/** Creates whose entity exists now: one listing per collection, not a lookup per entity. */
async function createdSincePlanning(plan: Plan, resolver: IdResolver): Promise<StaleOperation[]> {
  const found: StaleOperation[] = [];
  for (const op of plan.operations) {
    if (op.action !== 'create' || kindOf(op.kind).aggregate) continue;
    try {
      const hit = await resolver.lookup(`${op.kind}:${op.key}`, { listing: true });
      if (hit) found.push({ id: op.id, actual: fingerprintOf(hit.id, hit.raw), reason: 'exists' });
    } catch (error) {
      // Its control plane or parent does not exist: neither can it.
      if (!(error instanceof UnresolvedIdError)) throw error;
    }
  }
  return found;
}

/** The entity's list and item paths: control plane, parent and `{ref:field}` slots resolved through the resolver. */
async function locate(op: Operation, id: string, resolver: IdResolver): Promise<{ listPath: string; itemPath: string }> {
  const descriptor = kindOf(op.kind);
  const { controlPlane } = splitKey(descriptor, op.key);
  const fields = op.before ?? {};
  const values: Record<string, string | undefined> = { id };
  if (controlPlane !== undefined) values.controlPlaneId = await resolver.resolve(entityRef(CONTROL_PLANE_KIND, controlPlane));
  if (descriptor.parent) {
    const parentKey = fields[descriptor.parent.field];
    if (typeof parentKey === 'string') values.parentId = await resolver.resolve(entityRef(descriptor.parent.kind, scopedKey(controlPlane, parentKey)));
  }
  for (const match of descriptor.paths.item.matchAll(/\{ref:([a-z_]+)\}/g)) {
    const field = match[1]!;
    const spec = descriptor.refs.find((ref) => ref.path === field);
    const value = fields[field];
    if (spec && typeof value === 'string') {
      const targetScoped = kindOf(spec.kind).scope === 'control_plane';
      values[`ref:${field}`] = await resolver.resolve(entityRef(spec.kind, targetScoped ? scopedKey(controlPlane, value) : value));
    }
  }
  return { listPath: fillPath(descriptor.paths.list, values), itemPath: fillPath(descriptor.paths.item, values) };
}

async function getItem(api: KonnectApi, name: Parameters<KonnectApi['list']>[0], path: string, signal?: AbortSignal, geo?: Geo): Promise<JsonObject | undefined> {
  try {
    const response = await api.request({ api: name, method: 'GET', path, ...(geo ? { geo } : {}), ...(signal ? { signal } : {}) });
    return isJsonObject(response.body) ? response.body : undefined;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return undefined;
    throw error;
  }
}
