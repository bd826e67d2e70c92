import type { KindName } from './kind-names.js';
import { GATEWAY_KINDS, PLATFORM_KINDS } from './registry.js';

/**
 * The kind whose id `{controlPlaneId}` stands for, and that gateway entities belong to: the org kind under whose item
 * path every gateway kind is listed. Derived from the descriptors' paths, so engine code names no kind.
 */
export const CONTROL_PLANE_KIND: KindName = (() => {
  const found = PLATFORM_KINDS.find((kind) =>
    GATEWAY_KINDS.every((gateway) => gateway.paths.list.startsWith(`${kind.paths.list}/{controlPlaneId}/`)),
  );
  if (!found) throw new Error('no org kind holds the gateway kinds: check the descriptors\' paths');
  return found.kind;
})();
