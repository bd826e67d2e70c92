import type { Entity } from '../../model/entity.js';
import type { KindName } from '../../kinds/kind-names.js';
import type { Decoder } from './decoder.js';
import { ORG, type RawItem } from './raw-store.js';

/** An item listed and not decoded yet; `seq`: its place in its kind's listing (ties in key keep that order). */
interface Listed {
  kind: KindName;
  item: RawItem;
  seq: number;
  done: boolean;
}

interface Decoded {
  entity: Entity;
  seq: number;
}

/**
 * One scope's (a control plane's) kinds decoded page by page, as they are listed: an item is decoded as soon as every
 * id it names is known (that entity decoded) or that id's kind is settled, so most of the decoding happens while the
 * read waits on the rate limit, not after its last page. `settle(kind)`, once the kind is listed whole and the kinds
 * it names are settled, decodes what still waits and gives the kind's entities sorted by key: the same entities, in
 * the same order, as decoding the whole listing then.
 */
export class PageDecoding {
  private started = false;
  private readonly early: Array<{ kind: KindName; items: readonly RawItem[] }> = [];
  private readonly settled = new Set<KindName>();
  private readonly counts = new Map<KindName, number>();
  private readonly decoded = new Map<KindName, Decoded[]>();
  /** Kind → id → items waiting for that id's key. */
  private readonly waiting = new Map<KindName, Map<string, Listed[]>>();
  /** Kind → its items waiting for something (any id). */
  private readonly parked = new Map<KindName, Listed[]>();

  /** `onEntity`: each entity as soon as it is decoded, before its kind is settled. */
  constructor(
    private readonly decoder: Decoder,
    private readonly scope: string,
    private readonly onEntity?: (entity: Entity) => void,
  ) {}

  /** Items of `kind` just listed, in listing order. Kept until `start` (the kinds of other scopes they name are decoded). */
  add(kind: KindName, items: readonly RawItem[]): void {
    if (!this.started) {
      this.early.push({ kind, items });
      return;
    }
    let seq = this.counts.get(kind) ?? 0;
    const queue: Listed[] = [];
    for (const item of items) queue.push({ kind, item, seq: seq++, done: false });
    this.counts.set(kind, seq);
    this.run(queue);
  }

  /** Decodes from now on: what other scopes' kinds the items name is known. */
  start(): void {
    if (this.started) return;
    this.started = true;
    for (const { kind, items } of this.early.splice(0)) this.add(kind, items);
  }

  /** The kind is listed whole and the kinds it names are settled: what waits is decoded, every entity comes back sorted by key. */
  settle(kind: KindName): Entity[] {
    this.start();
    this.settled.add(kind);
    const parked = (this.parked.get(kind) ?? []).filter((listed) => !listed.done).sort((a, b) => a.seq - b.seq);
    this.parked.delete(kind);
    this.run(parked, true);
    const list = this.decoded.get(kind) ?? [];
    this.decoded.delete(kind);
    list.sort((a, b) => (a.entity.key < b.entity.key ? -1 : a.entity.key > b.entity.key ? 1 : a.seq - b.seq));
    return list.map((one) => one.entity);
  }

  /** Decodes the queued items and those each decoded entity wakes (bounded: every item is decoded once). */
  private run(queue: Listed[], final = false): void {
    const settled = final ? undefined : (scope: string, kind: KindName) => scope === ORG || scope !== this.scope || this.settled.has(kind);
    for (let i = 0; i < queue.length; i++) {
      const listed = queue[i]!;
      if (listed.done) continue;
      const outcome = this.decoder.decodeItem(this.scope, listed.kind, listed.item, settled);
      if (outcome !== undefined && 'waitFor' in outcome) {
        this.park(listed, outcome.waitFor.kind, outcome.waitFor.id);
        continue;
      }
      listed.done = true;
      if (outcome === undefined) continue;
      const { entity } = outcome;
      let list = this.decoded.get(listed.kind);
      if (!list) this.decoded.set(listed.kind, (list = []));
      list.push({ entity, seq: listed.seq });
      this.onEntity?.(entity);
      const waitingForKind = this.waiting.get(listed.kind);
      const id = entity.id;
      if (waitingForKind === undefined || id === undefined) continue;
      const woken = waitingForKind.get(id);
      if (woken === undefined) continue;
      waitingForKind.delete(id);
      for (const one of woken) queue.push(one);
    }
  }

  private park(listed: Listed, kind: KindName, id: string): void {
    let byId = this.waiting.get(kind);
    if (!byId) this.waiting.set(kind, (byId = new Map()));
    let list = byId.get(id);
    if (!list) byId.set(id, (list = []));
    list.push(listed);
    let parked = this.parked.get(listed.kind);
    if (!parked) this.parked.set(listed.kind, (parked = []));
    parked.push(listed);
  }
}
