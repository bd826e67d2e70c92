import { scopedKey, type Entity, type Fingerprint } from '../../model/entity.js';
import type { JsonObject } from '../../model/json.js';
import type { Geo } from '../../model/state.js';
import type { DecodeContext } from '../../kinds/descriptor.js';
import type { KindName } from '../../kinds/kind-names.js';
import { kindOf } from '../../kinds/registry.js';
import { fingerprintOf } from '../../model/fingerprint.js';
import { decodeLive, type DecodedLive } from '../../kinds/decode-live.js';
import { ORG, type RawItem } from './raw-store.js';

/** Thrown by a decode's key lookup that must wait (see `decodeItem`). */
const WAIT = Symbol('wait for a key');

/** Where a live entity keeps what its fingerprint is hashed from, and the hash once made. */
const LAZY = Symbol('lazy fingerprint');

interface LazyFingerprint {
  id: string;
  raw: JsonObject;
  cached?: Fingerprint;
}

type WithLazy = Entity & { [LAZY]: LazyFingerprint };

// One getter and setter for every entity: an accessor made per entity (a closure) turned each into a slow dictionary object.
function getFingerprint(this: WithLazy): Fingerprint {
  const lazy = this[LAZY];
  return (lazy.cached ??= fingerprintOf(lazy.id, lazy.raw));
}

function setFingerprint(this: WithLazy, value: Fingerprint): void {
  this[LAZY].cached = value;
}

/**
 * The entity's fingerprint, hashed on first read: hashing every live object cost more than the rest of decoding,
 * and only the objects a plan touches are ever asked for theirs.
 */
function withLazyFingerprint(entity: Entity, id: string, raw: JsonObject): void {
  Object.defineProperty(entity, LAZY, { value: { id, raw } satisfies LazyFingerprint });
  Object.defineProperty(entity, 'fingerprint', { enumerable: true, configurable: true, get: getFingerprint, set: setFingerprint });
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

  /**
   * Decodes one kind's items of one scope, in dependency order (every kind they name decoded before). Objects that
   * stand for absence (`exists` false) are left out.
   */
  decodeKind(scope: string, kind: KindName, items: readonly RawItem[]): Entity[] {
    const out: Entity[] = [];
    for (const item of items) {
      const outcome = this.decodeItem(scope, kind, item);
      if (outcome !== undefined && 'entity' in outcome) out.push(outcome.entity);
    }
    return out;
  }

  /**
   * Decodes one item: its entity; undefined when it is left out (with a warning when it cannot be named or placed).
   * With `settled`, an id of a kind not settled yet whose key is not known yet makes the decode wait: the outcome
   * names what it waits for and nothing is remembered; decode it again once that is known or its kind settled.
   * Without, every kind counts as settled (an id not known then is never known).
   */
  decodeItem(scope: string, kind: KindName, item: RawItem, settled?: (scope: string, kind: KindName) => boolean): DecodeOutcome | undefined {
    const descriptor = kindOf(kind);
    if (descriptor.exists?.(item.raw) === false) return undefined;
    let waitFor: AskedId | undefined;
    const key = (refKind: KindName, id: string): string | undefined => {
      const refScope = this.scopeOf(refKind, scope);
      const found = this.keyOf(refScope, refKind, id);
      if (found === undefined && settled !== undefined && !settled(refScope, refKind)) {
        waitFor = { scope: refScope, kind: refKind, id };
        // The rest of this decode would be thrown away: stop it here.
        throw WAIT;
      }
      return found;
    };
    let parentKey: string | undefined;
    let decoded: DecodedLive | undefined;
    try {
      parentKey = descriptor.parent && item.parentId !== undefined ? key(descriptor.parent.kind, item.parentId) : undefined;
      if (descriptor.parent && parentKey === undefined) {
        this.warnings.push(`${descriptor.title} listed under an unknown ${kindOf(descriptor.parent.kind).title} ${item.parentId ?? '?'}: skipped`);
        return undefined;
      }
      const ctx: DecodeContext = { geo: this.geo, key };
      if (scope !== ORG) ctx.controlPlane = scope;
      if (parentKey !== undefined) ctx.parentKey = parentKey;
      decoded = decodeLive(descriptor, item.raw, ctx);
    } catch (error) {
      if (error !== WAIT) throw error;
    }
    // Also when a decode caught the stop itself: what it made from a missing key is not kept.
    if (waitFor !== undefined) return { waitFor };
    if (decoded === undefined) {
      this.warnings.push(`${descriptor.title} without a name or id in ${scope || 'the organization'}: skipped`);
      return undefined;
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
    return { entity };
  }
}

/** The id of one kind in one scope a decode asked for and could not have yet. */
export interface AskedId {
  scope: string;
  kind: KindName;
  id: string;
}

export type DecodeOutcome = { entity: Entity } | { waitFor: AskedId };
