import type { Problem } from '../../errors.js';
import { GEOS, type Geo } from '../../model/state.js';
import { CONTROL_PLANE_KIND } from '../../kinds/control-plane-kind.js';
import { ALL_KINDS, kindOf } from '../../kinds/registry.js';
import type { KindName } from '../../kinds/kind-names.js';
import type { RefSpec } from '../../kinds/descriptor.js';
import type { DraftEntity, LoadedFile } from './draft.js';
import { problemAt } from './parse-source.js';
import { isGatewayFile } from './ownership.js';
import type { JsonObject } from '../../model/json.js';
import type { Entity } from '../../model/entity.js';
import { getPath } from '../../model/paths.js';
import { geoControlPlane } from '../../kinds/entity-geo.js';

/** Where each control plane lives, and which geos the reader reads. */
export interface GeoDecision {
  /** The geo of control planes nothing places: `--geo`, else the one geo the files name, else `us`. */
  defaultGeo: Geo;
  /** Control plane name → geo, for every control plane the files declare or hold gateway entities of. */
  byControlPlane: Map<string, Geo>;
  /** The default geo and every geo the files name, in GEOS order: each is read once. */
  geos: Geo[];
}

interface Naming {
  geo: Geo;
  problem: Problem;
}

const at = (problem: Problem): string => `${problem.file ?? ''}:${problem.line ?? 0}:${problem.column ?? 0}`;

/**
 * A control plane's geo: its own `geo:` (descriptor `geoField`), else its file's `_konnect.geo`; a gateway file's
 * `_konnect.geo` names the geo of its control plane too. Every place that names a control plane's geo must agree
 * (a control plane lives in one geo); one nothing names is in the default geo. Pure; conflicts go to `problems`.
 */
export function decideGeos(results: ReadonlyArray<{ file: LoadedFile; root: JsonObject; drafts: readonly DraftEntity[] }>, flag: Geo | undefined, problems: Problem[]): GeoDecision {
  const named = GEOS.filter((geo) => results.some(({ file }) => file.header.geo === geo));
  const defaultGeo = flag ?? (named.length === 1 ? named[0]! : GEOS[0]);
  const namings = new Map<string, Naming>();
  const targeted = new Set<string>();
  const name = (controlPlane: string, naming: Naming, what: string) => {
    const first = namings.get(controlPlane);
    if (!first) namings.set(controlPlane, naming);
    else if (first.geo !== naming.geo) {
      problems.push({
        ...naming.problem,
        message: `${what} "${naming.geo}" conflicts with geo "${first.geo}" of control plane "${controlPlane}" (${at(first.problem)})`,
        hint: 'a control plane lives in one geo: name the same geo, or leave one of them out',
      });
    }
  };
  const descriptor = kindOf(CONTROL_PLANE_KIND);
  for (const { file, drafts } of results) {
    for (const draft of drafts) {
      if (draft.kind !== CONTROL_PLANE_KIND || draft.referenceOnly) continue;
      const controlPlane = descriptor.identity(draft.fields);
      if (controlPlane === undefined) continue;
      targeted.add(controlPlane);
      const own = draft.geo !== undefined;
      const geo = draft.geo ?? file.header.geo;
      if (geo === undefined) continue;
      const path = own ? [...draft.path, descriptor.geoField ?? 'geo'] : ['_konnect', 'geo'];
      name(controlPlane, { geo, problem: problemAt(file.source, path, '') }, own ? 'geo' : '_konnect.geo');
    }
  }
  for (const { file, root } of results) {
    if (!isGatewayFile(file, root)) continue;
    const controlPlane = file.header.controlPlane;
    targeted.add(controlPlane);
    if (file.header.geo === undefined) continue;
    name(controlPlane, { geo: file.header.geo, problem: problemAt(file.source, ['_konnect', 'geo'], '') }, '_konnect.geo');
  }
  const byControlPlane = new Map<string, Geo>();
  for (const controlPlane of [...targeted].sort()) byControlPlane.set(controlPlane, namings.get(controlPlane)?.geo ?? defaultGeo);
  const used = new Set<Geo>([defaultGeo, ...named, ...byControlPlane.values()]);
  return { defaultGeo, byControlPlane, geos: GEOS.filter((geo) => used.has(geo)) };
}

/** Each kind's references to control planes. */
const CONTROL_PLANE_REFS = new Map<KindName, RefSpec[]>(ALL_KINDS.map((descriptor) => [descriptor.kind, descriptor.refs.filter((ref) => ref.kind === CONTROL_PLANE_KIND)]));

/**
 * What lives in a geo references control planes of that geo only: a group's members are in the group's geo, and
 * Konnect finds a configuration's or an add-on's control plane only in the geo the body names.
 */
export function checkGeoReferences(
  entities: readonly Entity[],
  geoOf: (controlPlane: string) => Geo,
  report: (entity: Entity, field: Array<string | number>, message: string) => void,
): void {
  for (const entity of entities) {
    // Most kinds (every gateway entity) reference no control plane: nothing to look at.
    const refs = CONTROL_PLANE_REFS.get(entity.kind)!;
    if (refs.length === 0) continue;
    const home = geoControlPlane(entity);
    if (home === undefined) continue;
    const geo = geoOf(home);
    for (const ref of refs) {
      const listed = ref.path.endsWith('[]');
      const field = ref.path.replace(/\[\]$/, '').split('.');
      const value = getPath(entity.fields, field.join('.'));
      const values = listed ? (Array.isArray(value) ? value : []) : [value];
      values.forEach((name, index) => {
        if (typeof name !== 'string' || name === home || geoOf(name) === geo) return;
        const title = kindOf(entity.kind).title;
        report(entity, listed ? [...field, index] : field, `control plane "${name}" lives in geo ${geoOf(name)}, and this ${title} in geo ${geo} (control plane "${home}"): what belongs to a control plane stays in its geo`);
      });
    }
  }
}
