import { scopedKey, type Entity, type Fingerprint } from '../../model/entity.js';
import type { JsonObject } from '../../model/json.js';
import type { Geo } from '../../model/state.js';
import type { DecodeContext } from '../../kinds/descriptor.js';
import type { KindName } from '../../kinds/kind-names.js';
import { kindOf } from '../../kinds/registry.js';
import { fingerprintOf } from '../../model/fingerprint.js';
import { decodeLive } from '../../kinds/decode-live.js';
import { ORG, type RawItem } from './raw-store.js';

/**
 * The entity's fingerprint, hashed on first read: hashing every live object cost more than the rest of decoding,
 * and only the objects a plan touches are ever asked for theirs.
 */
function withLazyFingerprint(entity: Entity, id: string, raw: JsonObject): void {
  let cached: Fingerprint | undefined;
  Object.defineProperty(entity, 'fingerprint', {
    enumerable: true,
    configurable: true,
    get: () => (cached ??= fingerprintOf(id, raw)),
    set: (value: Fingerprint) => void (cached = value),
  });
}

/**
 * API objects → model entities, through each kind's descriptor. Kinds must be decoded in dependency order
 * (KIND_NAMES order) so that `ctx.key(kind, id)` knows the ids of every kind referenced.
 */
export class Decoder {
  /** scope (`''` or control plane name) → kind → server id → local key. */
  private readonly keys = new Map<string, Map<KindName, Map<string, string>>>();
  readonly warnings: string[] = [];

  /** `geo`: the state's default geo; entities listed in another one record theirs. */
  constructor(private readonly geo: Geo) {}

  keyOf(scope: string, kind: KindName, id: string): string | undefined {
    return this.keys.get(scope)?.get(kind)?.get(id);
  }

  private remember(scope: string, kind: KindName, id: string, key: string): void {
    let byKind = this.keys.get(scope);
    if (!byKind) this.keys.set(scope, (byKind = new Map()));
    let byId = byKind.get(kind);
    if (!byId) byKind.set(kind, (byId = new Map()));
    byId.set(id, key);
  }

  private scopeOf(kind: KindName, scope: string): string {
    return kindOf(kind).scope === 'org' ? ORG : scope;
  }

  private context(scope: string, parentKey: string | undefined): DecodeContext {
    const ctx: DecodeContext = { geo: this.geo, key: (kind, id) => this.keyOf(this.scopeOf(kind, scope), kind, id) };
    if (scope !== ORG) ctx.controlPlane = scope;
    if (parentKey !== undefined) ctx.parentKey = parentKey;
    return ctx;
  }

  /** Decodes one kind's items of one scope. Objects that stand for absence (`exists` false) are left out. */
  decodeKind(scope: string, kind: KindName, items: readonly RawItem[]): Entity[] {
    const descriptor = kindOf(kind);
    const out: Entity[] = [];
    for (const item of items) {
      if (descriptor.exists?.(item.raw) === false) continue;
      const parentKey =
        descriptor.parent && item.parentId !== undefined ? this.keyOf(this.scopeOf(descriptor.parent.kind, scope), descriptor.parent.kind, item.parentId) : undefined;
      if (descriptor.parent && parentKey === undefined) {
        this.warnings.push(`${descriptor.title} listed under an unknown ${kindOf(descriptor.parent.kind).title} ${item.parentId ?? '?'}: skipped`);
        continue;
      }
      const decoded = decodeLive(descriptor, item.raw, this.context(scope, parentKey));
      if (decoded === undefined) {
        this.warnings.push(`${descriptor.title} without a name or id in ${scope || 'the organization'}: skipped`);
        continue;
      }
      const { fields, id, local } = decoded;
      if (id !== undefined) this.remember(scope, kind, id, local);
      const entity: Entity = { kind, key: scopedKey(scope === ORG ? undefined : scope, local), fields, raw: item.raw };
      if (scope !== ORG) entity.controlPlane = scope;
      if (item.geo !== undefined && item.geo !== this.geo) entity.geo = item.geo;
      if (id !== undefined) {
        entity.id = id;
        withLazyFingerprint(entity, id, item.raw);
      }
      out.push(entity);
    }
    return out;
  }
}
