import type { Entity } from '../../model/entity.js';
import type { KindName } from '../../kinds/kind-names.js';
import type { Decoder } from './decoder.js';
import { ORG, type RawItem } from './raw-store.js';

/** An item waiting for a key; `seq`: its place in its kind's listing (ties in key keep that order). */
interface Listed {
  kind: KindName;
  item: RawItem;
  seq: number;
  done: boolean;
}

/** One kind's decoded entities, and each one's place in the listing. */
interface Decoded {
  entities: Entity[];
  seqs: number[];
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
  private readonly decoded = new Map<KindName, Decoded>();
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
    this.counts.set(kind, seq + items.length);
    const woken: Listed[] = [];
    for (const item of items) this.decode(kind, item, seq++, this.isSettled, woken);
    this.run(woken, this.isSettled);
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
    this.run(parked, undefined);
    // Items of later kinds waiting for an id of this kind that never came: their answer is known now.
    const orphans = [...(this.waiting.get(kind)?.values() ?? [])].flat();
    this.waiting.delete(kind);
    this.run(orphans, this.isSettled);
    const { entities, seqs } = this.decoded.get(kind) ?? { entities: [], seqs: [] };
    this.decoded.delete(kind);
    const order = entities.map((_, index) => index);
    order.sort((a, b) => {
      const keyA = entities[a]!.key;
      const keyB = entities[b]!.key;
      return keyA < keyB ? -1 : keyA > keyB ? 1 : seqs[a]! - seqs[b]!;
    });
    return order.map((index) => entities[index]!);
  }

  /** Whether every key of `kind` in `scope` is known: this scope's kinds once settled; other scopes' are decoded first. */
  private readonly isSettled = (scope: string, kind: KindName): boolean => scope === ORG || scope !== this.scope || this.settled.has(kind);

  /** Decodes waiting items, and those each decoded entity wakes (bounded: an item waits on one id at a time, and each id wakes once). */
  private run(queue: Listed[], settled: ((scope: string, kind: KindName) => boolean) | undefined): void {
    for (let i = 0; i < queue.length; i++) {
      const listed = queue[i]!;
      if (!listed.done) this.decode(listed.kind, listed.item, listed.seq, settled, queue, listed);
    }
  }

  /** One item: decoded (and the items waiting for it queued on `woken`), left out, or parked until a key it needs is known. */
  private decode(kind: KindName, item: RawItem, seq: number, settled: ((scope: string, kind: KindName) => boolean) | undefined, woken: Listed[], listed?: Listed): void {
    const outcome = this.decoder.decodeItem(this.scope, kind, item, settled);
    if (outcome !== undefined && 'waitFor' in outcome) {
      this.park(listed ?? { kind, item, seq, done: false }, outcome.waitFor.kind, outcome.waitFor.id);
      return;
    }
    if (listed) listed.done = true;
    if (outcome === undefined) return;
    const { entity } = outcome;
    let decoded = this.decoded.get(kind);
    if (!decoded) this.decoded.set(kind, (decoded = { entities: [], seqs: [] }));
    decoded.entities.push(entity);
    decoded.seqs.push(seq);
    this.onEntity?.(entity);
    const waitingForKind = this.waiting.get(kind);
    const id = entity.id;
    if (waitingForKind === undefined || id === undefined) return;
    const waiters = waitingForKind.get(id);
    if (waiters === undefined) return;
    waitingForKind.delete(id);
    for (const one of waiters) woken.push(one);
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
