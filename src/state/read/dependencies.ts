import type { KindName } from '../../kinds/kind-names.js';
import { kindOf } from '../../kinds/registry.js';
import { GATEWAY_KIND_NAMES } from './select-reads.js';

/**
 * Gateway kind → the gateway kinds decoded before it: those it references or is listed under (the decoder turns their
 * ids into names), and those a file nests it in (a dump places it in their items). Only earlier kinds (KIND_NAMES is
 * in dependency order), so the graph has no cycle.
 */
export const GATEWAY_DEPENDENCIES = new Map<KindName, Set<KindName>>(
  GATEWAY_KIND_NAMES.map((kind, index) => {
    const descriptor = kindOf(kind);
    const named = [...descriptor.refs.map((ref) => ref.kind), ...(descriptor.parent ? [descriptor.parent.kind] : []), ...(descriptor.file.nested ?? []).map((nest) => nest.in)];
    return [kind, new Set(named.filter((other) => GATEWAY_KIND_NAMES.indexOf(other) >= 0 && GATEWAY_KIND_NAMES.indexOf(other) < index))];
  }),
);

/** Kinds written only inside another kind's items: the order they are placed in is the order their keys are written in. */
export const NESTED_ONLY = new Set(GATEWAY_KIND_NAMES.filter((kind) => kindOf(kind).file.key === undefined));
