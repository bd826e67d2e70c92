import type { JsonObject } from '../../model/json.js';
import type { KindName } from '../../kinds/kind-names.js';
import type { Geo } from '../../model/state.js';

/** One API object as listed, with where it was listed. */
export interface RawItem {
  raw: JsonObject;
  /** Server id of the parent it was listed under. Aggregate kinds store one item per parent: `{id, [field]: items}`. */
  parentId?: string;
  /** The geo a regional API listed it in. */
  geo?: Geo;
}

/** Everything fetched, before decoding. `scope` is `''` for org kinds, else the control plane's name. */
export class RawStore {
  private readonly items = new Map<string, Map<KindName, RawItem[]>>();

  add(scope: string, kind: KindName, item: RawItem): void {
    let byKind = this.items.get(scope);
    if (!byKind) {
      byKind = new Map();
      this.items.set(scope, byKind);
    }
    const list = byKind.get(kind) ?? [];
    list.push(item);
    byKind.set(kind, list);
  }

  get(scope: string, kind: KindName): RawItem[] {
    return this.items.get(scope)?.get(kind) ?? [];
  }
}

export const ORG = '';
