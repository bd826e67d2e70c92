import type { Entity } from '../model/entity.js';
import type { Geo } from '../model/state.js';
import { getPath } from '../model/paths.js';
import { CONTROL_PLANE_KIND } from './control-plane-kind.js';
import { kindOf } from './registry.js';

/**
 * The control plane whose geo an entity takes, from its descriptor: the control plane itself, the one it is scoped
 * to (gateway entities), its parent (a group's members) or the one it belongs to (an `owner` reference: a
 * configuration, a custom domain, an add-on). Undefined: a global resource (networks).
 */
export function geoControlPlane(entity: Pick<Entity, 'kind' | 'key' | 'controlPlane' | 'fields'>): string | undefined {
  if (entity.controlPlane !== undefined) return entity.controlPlane;
  const descriptor = kindOf(entity.kind);
  if (descriptor.kind === CONTROL_PLANE_KIND) return entity.key;
  if (descriptor.parent?.kind === CONTROL_PLANE_KIND) {
    const parent = entity.fields[descriptor.parent.field];
    return typeof parent === 'string' ? parent : undefined;
  }
  for (const ref of descriptor.refs) {
    if (!ref.owner || ref.kind !== CONTROL_PLANE_KIND) continue;
    const value = getPath(entity.fields, ref.path);
    if (typeof value === 'string') return value;
  }
  return undefined;
}

/** The geo an entity lives in or names, given where control planes live; undefined for global resources. */
export function entityGeo(entity: Pick<Entity, 'kind' | 'key' | 'controlPlane' | 'fields'>, geoOf: (controlPlane: string) => Geo | undefined): Geo | undefined {
  const controlPlane = geoControlPlane(entity);
  return controlPlane === undefined ? undefined : geoOf(controlPlane);
}
