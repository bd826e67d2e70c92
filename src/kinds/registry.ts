import type { KindDescriptor } from './descriptor.js';
import { KIND_NAMES, type KindName } from './kind-names.js';
import { platformKinds } from './platform-kinds.js';
import { gatewayKinds } from './gateway-kinds.js';

/** Every kind's descriptor. `satisfies` makes a kind missing here a compile error. */
export const KINDS = { ...platformKinds, ...gatewayKinds } satisfies Record<KindName, KindDescriptor>;

export function kindOf(kind: KindName): KindDescriptor {
  return KINDS[kind];
}

/** Descriptors in KIND_NAMES order (referenced kinds before referrers). */
export const ALL_KINDS: readonly KindDescriptor[] = KIND_NAMES.map((name) => KINDS[name]);

export const GATEWAY_KINDS = ALL_KINDS.filter((kind) => kind.scope === 'control_plane');
export const PLATFORM_KINDS = ALL_KINDS.filter((kind) => kind.scope === 'org');

export type { KindName };
