import { isJsonObject, type JsonObject } from '../../model/json.js';
import { getPath } from '../../model/paths.js';
import type { Claim, GatewayScope, LookupSection } from '../../model/state.js';
import { ALL_KINDS, GATEWAY_KINDS, kindOf, PLATFORM_KINDS } from '../../kinds/registry.js';
import type { KindName } from '../../kinds/kind-names.js';
import type { LoadedFile } from './draft.js';

/** Kinds a gateway file claims only when it opts in to plugin definitions, as decK requires. */
export const NEEDS_PLUGIN_DEFINITIONS: readonly KindName[] = ALL_KINDS.filter((kind) => kind.file.needsPluginDefinitions).map((kind) => kind.kind);

/** Top-level keys of gateway kinds: a file with any of them is a gateway file for its control plane. */
const GATEWAY_KEYS = GATEWAY_KINDS.map((kind) => kind.file.key ?? kind.file.typed?.key).filter((key): key is string => key !== undefined);

/**
 * Whether a file manages its control plane's gateway entities: it lists a gateway kind, or names its control plane
 * (a decK file with no entities still means "nothing of mine should exist"). A platform-only file does not.
 */
export function isGatewayFile(file: LoadedFile, root: JsonObject): boolean {
  return GATEWAY_KEYS.some((key) => root[key] !== undefined) || file.header.namedControlPlane;
}

/** Claims of one file: its gateway kinds within its select tags, and every platform collection key it holds. */
export function fileClaims(file: LoadedFile, root: JsonObject): Claim[] {
  const claims: Claim[] = [];
  if (isGatewayFile(file, root)) {
    for (const kind of GATEWAY_KINDS) {
      if (NEEDS_PLUGIN_DEFINITIONS.includes(kind.kind) && !file.header.includePluginDefinitions) continue;
      const claim: Claim = { kind: kind.kind, controlPlane: file.header.controlPlane };
      if (file.header.selectTags.length > 0) claim.selectTags = [...file.header.selectTags];
      claims.push(claim);
    }
  }
  for (const kind of PLATFORM_KINDS) {
    if (kind.file.key !== undefined && getPath(root, kind.file.key) !== undefined) claims.push({ kind: kind.kind });
  }
  // A nested list claims that parent's children: `transit_gateways` on network `prod` claims prod's transit gateways.
  for (const child of ALL_KINDS) {
    for (const spec of child.file.nested ?? []) {
      const parent = kindOf(spec.in);
      if (parent.scope !== 'org' || parent.file.key === undefined) continue;
      const items = getPath(root, parent.file.key);
      if (!Array.isArray(items)) continue;
      for (const item of items) {
        if (!isJsonObject(item) || item[spec.as] === undefined) continue;
        const key = parent.identity(item, typeof item.id === 'string' ? item.id : undefined);
        if (key !== undefined) claims.push({ kind: child.kind, parent: key });
      }
    }
  }
  return claims;
}

/** The same claim from several files once, in a stable order. */
export function dedupeClaims(claims: Claim[]): Claim[] {
  const seen = new Map<string, Claim>();
  for (const claim of claims) {
    const normalized: Claim = { ...claim };
    if (claim.selectTags) normalized.selectTags = [...claim.selectTags].sort();
    seen.set(JSON.stringify([normalized.kind, normalized.controlPlane ?? '', normalized.parent ?? '', normalized.key ?? '', normalized.selectTags ?? []]), normalized);
  }
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, claim]) => claim);
}

/** One scope per control plane with gateway files: select-tag sets, union of lookup tags, plugin definitions. */
export function gatewayScopes(files: Array<{ file: LoadedFile; root: JsonObject }>): GatewayScope[] {
  const scopes = new Map<string, GatewayScope>();
  for (const { file, root } of files) {
    if (!isGatewayFile(file, root)) continue;
    const header = file.header;
    const scope = scopes.get(header.controlPlane) ?? { controlPlane: header.controlPlane, selectTagSets: [], lookupTags: {}, includePluginDefinitions: false };
    const tagSet = [...header.selectTags].sort();
    if (!scope.selectTagSets.some((set) => JSON.stringify(set) === JSON.stringify(tagSet))) scope.selectTagSets.push(tagSet);
    for (const [section, tags] of Object.entries(header.lookupTags) as Array<[LookupSection, string[]]>) {
      scope.lookupTags[section] = [...new Set([...(scope.lookupTags[section] ?? []), ...tags])].sort();
    }
    scope.includePluginDefinitions ||= header.includePluginDefinitions;
    scopes.set(header.controlPlane, scope);
  }
  return [...scopes.values()].sort((a, b) => (a.controlPlane < b.controlPlane ? -1 : 1));
}
