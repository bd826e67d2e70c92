import { GEOS, type DesiredState, type Geo } from '../../model/state.js';
import { CONTROL_PLANE_KIND } from '../../kinds/control-plane-kind.js';
import { kindOf } from '../../kinds/registry.js';
import { decodeLive } from '../../kinds/decode-live.js';
import { geoControlPlane } from '../../kinds/entity-geo.js';
import type { Fetcher } from './fetch.js';
import { ORG } from './raw-store.js';

/**
 * Control planes the desired entities belong to (a configuration's, a domain's, an add-on's) that no file declares
 * and that the geos read do not hold: another state's, possibly in a geo these files never name. Pure.
 */
export function controlPlanesToFind(desired: Pick<DesiredState, 'entities'>, listed: ReadonlySet<string>): string[] {
  const declared = new Set(desired.entities.filter((entity) => entity.kind === CONTROL_PLANE_KIND).map((entity) => entity.key));
  const wanted = new Set<string>();
  for (const entity of desired.entities) {
    const controlPlane = geoControlPlane(entity);
    // `id:<uuid>` references are resolved by id at plan time, not by name.
    if (controlPlane === undefined || controlPlane.startsWith('id:') || declared.has(controlPlane) || listed.has(controlPlane)) continue;
    wanted.add(controlPlane);
  }
  return [...wanted].sort();
}

/**
 * Looks each control plane `controlPlanesToFind` names up by name in every geo not read (one filtered listing per
 * name and geo), so the plan sends what belongs to it to the geo Konnect holds it in. Found ones land in the raw store
 * with their geo; one found nowhere stays unresolved (the plan's "which no file declares" error).
 */
export async function findControlPlanesElsewhere(fetcher: Fetcher, desired: Pick<DesiredState, 'entities'>, read: readonly Geo[]): Promise<void> {
  const descriptor = kindOf(CONTROL_PLANE_KIND);
  const listed = new Set<string>();
  for (const item of fetcher.store.get(ORG, CONTROL_PLANE_KIND)) {
    const local = decodeLive(descriptor, item.raw, { geo: item.geo ?? GEOS[0], key: () => undefined })?.local;
    if (local !== undefined) listed.add(local);
  }
  const names = controlPlanesToFind(desired, listed);
  const others = GEOS.filter((geo) => !read.includes(geo));
  await Promise.all(names.flatMap((name) => others.map((geo) => fetcher.lookUp(CONTROL_PLANE_KIND, name, geo))));
}
