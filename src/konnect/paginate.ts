import { isJsonObject, type Json, type JsonObject } from '../model/json.js';
import type { Pagination } from '../kinds/descriptor.js';

/** Fetches one page: relative path and query in, parsed body out. */
export type PageFetcher = (path: string, query: Record<string, string>) => Promise<Json>;

/** Called with each page's items as it arrives, before the next page is asked for. */
export type PageListener = (items: JsonObject[]) => void;

/** A list never follows more pages than this (a server that loops would otherwise hold us forever). */
export const MAX_PAGES = 100_000;

function items(body: Json): JsonObject[] {
  if (!isJsonObject(body) || !Array.isArray(body.data)) return [];
  return body.data.filter(isJsonObject);
}

function pageMeta(body: Json): JsonObject {
  if (!isJsonObject(body) || !isJsonObject(body.meta) || !isJsonObject(body.meta.page)) return {};
  return body.meta.page;
}

/**
 * Every item of a list, whichever of Konnect's three schemes it uses:
 * - `page`: `page[number]` + `page[size]`, done at `meta.page.total`;
 * - `cursor`: `page[after]` from `meta.page.next` (a path or a URL; null on the last page);
 * - `offset`: core entities' `size` + `offset`; the last page has no `offset`.
 */
export async function paginate(
  fetchPage: PageFetcher,
  path: string,
  scheme: Pagination,
  pageSize: number,
  query: Record<string, string> = {},
  onPage?: PageListener,
): Promise<JsonObject[]> {
  const out: JsonObject[] = [];
  const take = (page: JsonObject[]) => {
    for (const item of page) out.push(item);
    onPage?.(page);
  };
  if (scheme === 'page') {
    for (let number = 1; number <= MAX_PAGES; number++) {
      const body = await fetchPage(path, { ...query, 'page[size]': String(pageSize), 'page[number]': String(number) });
      const page = items(body);
      take(page);
      const total = pageMeta(body).total;
      if (page.length === 0 || (typeof total === 'number' ? out.length >= total : page.length < pageSize)) break;
    }
    return out;
  }
  if (scheme === 'cursor') {
    let nextPath = path;
    let nextQuery: Record<string, string> = { ...query, 'page[size]': String(pageSize) };
    const seen = new Set<string>();
    for (let count = 0; count < MAX_PAGES; count++) {
      const body = await fetchPage(nextPath, nextQuery);
      take(items(body));
      const next = pageMeta(body).next;
      if (typeof next !== 'string' || next === '' || seen.has(next)) break;
      seen.add(next);
      ({ path: nextPath, query: nextQuery } = followCursor(next, path, query, pageSize));
    }
    return out;
  }
  let offset: string | undefined;
  for (let count = 0; count < MAX_PAGES; count++) {
    const pageQuery: Record<string, string> = { ...query, size: String(pageSize) };
    if (offset !== undefined) pageQuery.offset = offset;
    const body = await fetchPage(path, pageQuery);
    take(items(body));
    const nextOffset = isJsonObject(body) ? body.offset : undefined;
    if (typeof nextOffset !== 'string' && typeof nextOffset !== 'number') break;
    if (String(nextOffset) === '' || String(nextOffset) === offset) break;
    offset = String(nextOffset);
  }
  return out;
}

/** `meta.page.next` as a path (`/v2/x?page[after]=c`, `/x?...`) or a full URL → the next request. */
function followCursor(next: string, path: string, query: Record<string, string>, pageSize: number) {
  const url = new URL(next, 'http://konnect.invalid');
  const after = url.searchParams.get('page[after]');
  if (after !== null) return { path, query: { ...query, 'page[size]': String(pageSize), 'page[after]': after } };
  const nextQuery: Record<string, string> = {};
  url.searchParams.forEach((value, name) => {
    nextQuery[name] = value;
  });
  return { path: url.pathname.replace(/^\/v2(?=\/)/, ''), query: nextQuery };
}
