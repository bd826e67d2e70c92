import { isJsonObject, type JsonObject } from '../../model/json.js';
import type { KonnectApi } from '../../konnect/types.js';
import type { KindDescriptor } from '../../kinds/descriptor.js';
import type { KindName } from '../../kinds/kind-names.js';
import { kindOf } from '../../kinds/registry.js';
import { fillPath } from '../../kinds/path-template.js';
import { decodeLive, idOf } from '../../kinds/decode-live.js';
import { ORG, RawStore, type RawItem } from './raw-store.js';
import type { Geo } from '../../model/state.js';
import { StepQueue } from '../../step-queue.js';

/** `{raw}` with its geo when listed in one. */
function item(raw: JsonObject, geo: Geo | undefined, parentId?: string): RawItem {
  const out: RawItem = { raw };
  if (parentId !== undefined) out.parentId = parentId;
  if (geo !== undefined) out.geo = geo;
  return out;
}

/** Items of a page handled per turn of the event loop: a few milliseconds of decoding. */
const ITEMS_PER_TURN = 200;

/**
 * A page's items handed on in pieces, each on its own turn of the event loop, the first on a later turn than the page
 * arrived on (so the next page is asked for first): a whole page at once kept every other reply waiting for it.
 */
function* inPieces(items: JsonObject[], onPage: (items: JsonObject[]) => void): Generator<void> {
  yield;
  for (let start = 0; start === 0 || start < items.length; start += ITEMS_PER_TURN) {
    onPage(items.slice(start, start + ITEMS_PER_TURN));
    yield;
  }
}

/** Items of one kind and scope just stored, in the order stored: a page at a time for listings of a whole kind. */
export type StoredListener = (scope: string, kind: KindName, items: readonly RawItem[]) => void;

/** Lists kinds into a RawStore; every list goes through the client (its scheduler bounds concurrency and rate). */
export class Fetcher {
  readonly store = new RawStore();

  /** `onStored`: told of every item stored, as it is (a reader decodes pages while the next ones load). */
  constructor(
    private readonly api: KonnectApi,
    private readonly signal?: AbortSignal,
    private readonly onStored?: StoredListener,
  ) {}

  /**
   * `onPage`: each page's items, in order, each on a later turn of the event loop than the one it arrived on, so that
   * the next page is asked for first: a list has one request out at a time, and handling a page before asking for the
   * next would add that time to every page's round trip. Resolves once every page is handled. A client that does not
   * page (a test's) gives them all at the end.
   */
  private async list(
    descriptor: KindDescriptor,
    path: string,
    describe: string,
    geo: Geo | undefined,
    query?: Record<string, string>,
    onPage?: (items: JsonObject[]) => void,
  ): Promise<JsonObject[]> {
    let paged = false;
    const handling = new StepQueue();
    const all = await this.api.list(descriptor.api, path, descriptor.paths.pagination, {
      pageSize: descriptor.paths.pageSize,
      ...(query ? { query } : {}),
      describe: geo === undefined ? describe : `${describe} in geo ${geo}`,
      ...(geo !== undefined ? { geo } : {}),
      ...(this.signal ? { signal: this.signal } : {}),
      ...(onPage
        ? {
            onPage: (items: JsonObject[]) => {
              paged = true;
              handling.push(inPieces(items, onPage));
            },
          }
        : {}),
    });
    await handling.drained();
    if (onPage && !paged) onPage(all);
    return all;
  }

  private keep(scope: string, kind: KindName, items: readonly RawItem[]): void {
    for (const one of items) this.store.add(scope, kind, one);
    this.onStored?.(scope, kind, items);
  }

  /** A kind listed at the top level (of the org, or of a control plane); `geo` for a regional API's. */
  listTop(scope: string, kind: KindName, controlPlaneId?: string, geo?: Geo): Promise<JsonObject[]> {
    const descriptor = kindOf(kind);
    const where = scope ? ` of control plane "${scope}"` : '';
    const path = fillPath(descriptor.paths.list, { controlPlaneId });
    return this.list(descriptor, path, `${descriptor.title}s${where}`, geo, undefined, (page) => this.keep(scope, kind, page.map((raw) => item(raw, geo))));
  }

  /**
   * The org kind's objects named `key` in one geo, by the kind's `lookupQuery` (`filter[name][eq]`); stored like a
   * listing's, so they decode with the rest. Only exact matches of the kind's identity are kept.
   */
  async lookUp(kind: KindName, key: string, geo: Geo): Promise<JsonObject[]> {
    const descriptor = kindOf(kind);
    const query = descriptor.lookupQuery?.(key);
    if (query === undefined) return [];
    const listed = await this.list(descriptor, fillPath(descriptor.paths.list, {}), `${descriptor.title}s named "${key}"`, geo, query);
    const found = listed.filter((raw) => decodeLive(descriptor, raw, { geo, key: () => undefined })?.local === key);
    this.keep(ORG, kind, found.map((raw) => item(raw, geo)));
    return found;
  }

  /**
   * A kind listed under each of `parents` (only those `parentFilter` accepts). Aggregate kinds store one item per
   * parent: `{id: parentId, [field]: items}`, present even when the listing is empty.
   */
  async listUnder(scope: string, kind: KindName, parents: readonly JsonObject[], controlPlaneId?: string, geo?: Geo): Promise<JsonObject[]> {
    const descriptor = kindOf(kind);
    const accepted = parents.filter((parent) => descriptor.parentFilter?.(parent) ?? true);
    if (descriptor.paths.listAll !== undefined && descriptor.parent && !descriptor.aggregate) {
      return this.listAllUnder(scope, descriptor, descriptor.paths.listAll, descriptor.parent.field, accepted, controlPlaneId, geo);
    }
    const all: JsonObject[] = [];
    await Promise.all(
      accepted.map(async (parent) => {
        const parentId = idOf(parent);
        if (parentId === undefined) return;
        const path = fillPath(descriptor.paths.list, { parentId, controlPlaneId });
        const parentName = typeof parent.name === 'string' ? parent.name : parentId;
        const items = await this.list(descriptor, path, `${descriptor.title}s of ${kindOf(descriptor.parent!.kind).title} "${parentName}"`, geo);
        if (descriptor.aggregate) {
          this.keep(scope, kind, [item({ id: parentId, [descriptor.aggregate.field]: items }, geo, parentId)]);
          return;
        }
        // Stored per parent once listed whole (not per page): the store keeps one parent's children together.
        this.keep(scope, kind, items.map((raw) => item(raw, geo, parentId)));
        for (const raw of items) all.push(raw);
      }),
    );
    return all;
  }

  /** Children of every parent from one listing, kept only under the accepted parents. */
  private async listAllUnder(
    scope: string,
    descriptor: KindDescriptor,
    template: string,
    parentField: string,
    parents: readonly JsonObject[],
    controlPlaneId?: string,
    geo?: Geo,
  ): Promise<JsonObject[]> {
    const wanted = new Set(parents.map(idOf).filter((id) => id !== undefined));
    if (wanted.size === 0) return [];
    const where = scope ? ` of control plane "${scope}"` : '';
    const kept: JsonObject[] = [];
    await this.list(descriptor, fillPath(template, { controlPlaneId }), `${descriptor.title}s${where}`, geo, undefined, (page) => {
      const stored: RawItem[] = [];
      for (const raw of page) {
        const parent = raw[parentField];
        const parentId = isJsonObject(parent) && typeof parent.id === 'string' ? parent.id : undefined;
        if (parentId === undefined || !wanted.has(parentId)) continue;
        stored.push(item(raw, geo, parentId));
        kept.push(raw);
      }
      this.keep(scope, descriptor.kind, stored);
    });
    return kept;
  }
}
