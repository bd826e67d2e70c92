import type { CheckContext } from '../../kinds/descriptor.js';
import { kindOf } from '../../kinds/registry.js';
import { isControlPlaneGroup } from '../../kinds/platform/control-plane.js';
import type { Entity } from '../../model/entity.js';

/**
 * Konnect's rules that JSON Schema cannot express: each kind's own `check`, plus one for every gateway entity
 * (a control plane group's gateway configuration is read-only).
 */
export function checkPlatformRules(entities: readonly Entity[], ctx: CheckContext): void {
  const reportedGroups = new Set<string>();
  // Looked up once per control plane, not per entity (100k entities usually share one).
  const groups = new Map<string, boolean>();
  const isGroup = (cp: string) => {
    let group = groups.get(cp);
    if (group === undefined) groups.set(cp, (group = isControlPlaneGroup(ctx.find('control_plane', cp))));
    return group;
  };
  for (const entity of entities) {
    kindOf(entity.kind).check?.(entity, ctx);
    const cp = entity.controlPlane;
    if (cp !== undefined && !reportedGroups.has(cp) && isGroup(cp)) {
      reportedGroups.add(cp);
      ctx.report(entity, [], `control plane "${cp}" is a control plane group, whose gateway configuration is read-only; declare entities on its members`);
    }
  }
}
