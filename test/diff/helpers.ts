// Builders for diff tests: desired entities as the loader makes them, live entities as the reader makes them.
import { scopedKey, type Entity } from '../../src/model/entity.js';
import type { JsonObject } from '../../src/model/json.js';
import type { Claim, DesiredState, EnvUse, GatewayScope, LiveState } from '../../src/model/state.js';
import { kindOf, type KindName } from '../../src/kinds/registry.js';
import { DEFAULT_OWNER, OWNER_LABEL } from '../../src/model/ownership.js';
import { isJsonObject } from '../../src/model/json.js';

export interface EntityOptions {
  controlPlane?: string;
  line?: number;
}

/**
 * Kinds that record their owner in labels get the default owner's label, on both sides, as the loader stamps it and as
 * Konnect holds it after konsync made the resource; `unowned` leaves it out (made by hand, or by another tool).
 */
function withOwner(kind: KindName, fields: JsonObject, unowned: boolean | undefined): JsonObject {
  const field = kindOf(kind).labels;
  if (field === undefined || unowned) return fields;
  const labels = isJsonObject(fields[field]) ? (fields[field] as JsonObject) : {};
  if (labels[OWNER_LABEL] !== undefined) return fields;
  return { ...fields, [field]: { ...labels, [OWNER_LABEL]: DEFAULT_OWNER } };
}

export function desiredEntity(kind: KindName, input: JsonObject, options: EntityOptions & { unowned?: boolean } = {}): Entity {
  const fields = withOwner(kind, input, options.unowned);
  const local = kindOf(kind).identity(fields);
  if (local === undefined) throw new Error(`no identity for ${kind} ${JSON.stringify(fields)}`);
  const entity: Entity = { kind, key: scopedKey(options.controlPlane, local), fields, source: { file: 'kong.yaml', line: options.line ?? 1, column: 1 } };
  if (options.controlPlane !== undefined) entity.controlPlane = options.controlPlane;
  return entity;
}

export interface LiveOptions {
  controlPlane?: string;
  /** Server id → local key, for decoding references. */
  ids?: Record<string, string>;
  parentKey?: string;
  /** No owner label (see `withOwner`). */
  unowned?: boolean;
}

/** Decodes a Konnect-shaped object the way the reader does. */
export function liveEntity(kind: KindName, input: JsonObject, options: LiveOptions = {}): Entity {
  const raw = withOwner(kind, input, options.unowned);
  const descriptor = kindOf(kind);
  const ids = options.ids ?? {};
  const ctx: Parameters<typeof descriptor.decode>[1] = { geo: 'us', key: (_kind, id) => ids[id] };
  if (options.controlPlane !== undefined) ctx.controlPlane = options.controlPlane;
  if (options.parentKey !== undefined) ctx.parentKey = options.parentKey;
  const fields = descriptor.decode(raw, ctx);
  const id = typeof raw.id === 'string' ? raw.id : undefined;
  const local = descriptor.identity(fields, id);
  if (local === undefined) throw new Error(`no identity for live ${kind}`);
  const entity: Entity = { kind, key: scopedKey(options.controlPlane, local), fields, raw };
  if (id !== undefined) entity.id = id;
  if (options.controlPlane !== undefined) entity.controlPlane = options.controlPlane;
  return entity;
}

export interface StateOptions {
  claims?: Claim[];
  scopes?: GatewayScope[];
  env?: EnvUse[];
  /** DECK_ variables of the environment the files do not render. */
  secrets?: EnvUse[];
}

export function desiredState(entities: Entity[], options: StateOptions = {}): DesiredState {
  const state: DesiredState = { geo: 'us', entities, claims: options.claims ?? [], scopes: options.scopes ?? [], env: options.env ?? [], files: ['kong.yaml'] };
  if (options.secrets) state.secrets = options.secrets;
  return state;
}

export function liveState(entities: Entity[]): LiveState {
  return { entities };
}

export const CP = 'payments';

/** Claims for every gateway kind of a control plane, as a file with these select tags makes them. */
export function gatewayClaims(controlPlane: string, selectTags: string[] = []): Claim[] {
  const kinds: KindName[] = ['vault', 'certificate', 'sni', 'ca_certificate', 'partial', 'service', 'route', 'upstream', 'target', 'consumer_group', 'consumer', 'consumer_group_member', 'plugin'];
  return kinds.map((kind) => (selectTags.length > 0 ? { kind, controlPlane, selectTags } : { kind, controlPlane }));
}

export function scope(controlPlane: string, lookupTags: GatewayScope['lookupTags'] = {}): GatewayScope {
  return { controlPlane, selectTagSets: [[]], lookupTags, includePluginDefinitions: false };
}

/** The live control plane every gateway test needs (its claim is absent, so it is only referenced). */
export function liveControlPlane(name = CP, id = 'cp-1'): Entity {
  return liveEntity('control_plane', { id, name, config: { cluster_type: 'CLUSTER_TYPE_CONTROL_PLANE', control_plane_endpoint: 'https://x', cloud_gateway: true } });
}
