// Where control planes live: a plan never moves one between geos, and tells apply where each one is.
import type { Entity, EntityRef } from '../model/entity.js';
import type { Geo } from '../model/state.js';
import { PlanError } from '../errors.js';
import { kindOf } from '../kinds/registry.js';
import { CONTROL_PLANE_KIND } from '../kinds/control-plane-kind.js';
import { blameOf, where } from './references.js';
import { entityGeo } from '../kinds/entity-geo.js';

/**
 * A control plane lives in one geo for good: Konnect has no way to move one, and a replacement would take its
 * configuration, data plane nodes and gateway entities down with it. A desired entity whose kind names its geo
 * (descriptor `geoField`) in another geo than its live namesake is refused, with the way out.
 */
export function refuseGeoMoves(desired: ReadonlyMap<EntityRef, Entity>, live: ReadonlyMap<EntityRef, Entity>, planGeo: Geo): void {
  const moves: string[] = [];
  let blamed: Entity | undefined;
  for (const [ref, want] of desired) {
    if (kindOf(want.kind).geoField === undefined) continue;
    const have = live.get(ref);
    if (!have) continue;
    const from = have.geo ?? planGeo;
    const to = want.geo ?? planGeo;
    if (from === to) continue;
    blamed ??= want;
    const title = `${kindOf(want.kind).title} ${want.key}`;
    moves.push(
      `${where(want)}: ${title} lives in geo ${from}; the files place it in ${to}. Konnect cannot move it between geos: ` +
        `set geo: ${from} to keep it, or remove it from the files, sync (it is deleted), then declare it in ${to}`,
    );
  }
  if (moves.length > 0) throw new PlanError(moves.join('\n'), blamed && blameOf(blamed));
}

/** Control planes (desired or live) outside the plan's geo, by name: what apply needs to look them up. */
export function controlPlaneGeos(entities: Iterable<Entity>, planGeo: Geo): Record<string, Geo> | undefined {
  const out: Record<string, Geo> = {};
  for (const entity of entities) {
    if (entity.kind !== CONTROL_PLANE_KIND || entity.geo === undefined || entity.geo === planGeo) continue;
    out[entity.key] = entity.geo;
  }
  const sorted = Object.keys(out).sort();
  return sorted.length === 0 ? undefined : Object.fromEntries(sorted.map((key) => [key, out[key]!]));
}

/**
 * Desired entities of a control plane no file declares (another state's) take the geo Konnect holds it in: the
 * loader could only give them the default geo. Returns copies of the entities it places; the input is not mutated.
 */
export function placeByLiveControlPlanes(desired: readonly Entity[], live: readonly Entity[], planGeo: Geo): Entity[] {
  const declared = new Set(desired.filter((entity) => entity.kind === CONTROL_PLANE_KIND).map((entity) => entity.key));
  const liveGeo = new Map<string, Geo>();
  for (const entity of live) {
    if (entity.kind === CONTROL_PLANE_KIND && !declared.has(entity.key)) liveGeo.set(entity.key, entity.geo ?? planGeo);
  }
  if (liveGeo.size === 0) return desired as Entity[];
  return desired.map((entity) => {
    const geo = entityGeo(entity, (controlPlane) => liveGeo.get(controlPlane));
    if (geo === undefined || geo === (entity.geo ?? planGeo)) return entity;
    const placed: Entity = { ...entity };
    if (geo === planGeo) delete placed.geo;
    else placed.geo = geo;
    return placed;
  });
}
