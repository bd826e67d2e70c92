import type { EmuRequest, EmuResponse } from '../types.js';
import type { JsonObject } from '../../model/json.js';
import { validationError } from './errors.js';

const DEFAULT_SIZE = 100;
const MAX_SIZE = 1000;

/** `tags=a,b`: all of them; `tags=a/b`: any of them. */
function matchesTags(item: JsonObject, tags: string): boolean {
  const have = Array.isArray(item.tags) ? item.tags : [];
  if (tags.includes('/')) return tags.split('/').some((tag) => have.includes(tag));
  return tags.split(',').every((tag) => have.includes(tag));
}

/** Which lists filter what: `filter[<name>][eq|contains]` → stored field, and plain exact-match parameters. */
export interface ListFilters {
  filters?: Record<string, string>;
  exactParams?: string[];
}

/**
 * What `tags`, `filter[name][eq|contains]` (on the filters the list documents) and the plain exact-match parameters
 * ask of an item; the parameter in error instead when the list does not support it.
 */
function itemTest(query: URLSearchParams, { filters = {}, exactParams = [] }: ListFilters): ((item: JsonObject) => boolean) | string {
  const tests: Array<(item: JsonObject) => boolean> = [];
  const tags = query.get('tags');
  if (tags) tests.push((item) => matchesTags(item, tags));
  for (const [param, value] of query) {
    if (exactParams.includes(param)) {
      tests.push((item) => item[param] === value);
      continue;
    }
    const match = /^filter\[([^\]]+)\](?:\[([a-z]+)\])?$/.exec(param);
    if (!match) continue;
    const [, name, op = 'eq'] = match as unknown as [string, string, string | undefined];
    const field = Object.hasOwn(filters, name) ? filters[name] : undefined;
    if (field === undefined || (op !== 'eq' && op !== 'contains')) return param;
    tests.push((item) => {
      const actual = item[field];
      if (typeof actual !== 'string') return false;
      return op === 'eq' ? actual === value : actual.includes(value);
    });
  }
  return (item) => tests.every((test) => test(item));
}

function encodeOffset(item: JsonObject): string {
  return Buffer.from(JSON.stringify([item.created_at, item.id])).toString('base64url');
}

function decodeOffset(offset: string): [number, string] | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(offset, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string') return [value[0], value[1]];
  } catch {
    return undefined;
  }
  return undefined;
}

/** Whether an item comes after the one an offset names, in creation order (ties by id). */
function afterOffset(item: JsonObject, [createdAt, id]: [number, string]): boolean {
  return Number(item.created_at) > createdAt || (item.created_at === createdAt && String(item.id) > id);
}

/** The first index whose item comes after the offset's, in items sorted by creation (binary search). */
function firstAfter(items: readonly JsonObject[], after: [number, string]): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (afterOffset(items[middle]!, after)) high = middle;
    else low = middle + 1;
  }
  return low;
}

export interface PageOptions extends ListFilters {
  /** Items are in creation order (ties by id): an offset is found by binary search instead of a scan. */
  sorted?: boolean;
  /** Which items the list holds at all (a nested list's parent). */
  keep?: (item: JsonObject) => boolean;
}

/**
 * A Kong-style page: `{data, offset, next}`; the last page carries neither `offset` nor `next`. Reads only as far as
 * the page needs (one item past it, to know whether another page follows).
 */
export function listPage(request: EmuRequest, items: readonly JsonObject[], options: PageOptions = {}): EmuResponse {
  const sizeParam = request.query.get('size');
  const size = sizeParam === null || sizeParam === '' ? DEFAULT_SIZE : Number(sizeParam);
  if (!Number.isInteger(size) || size < 1 || size > MAX_SIZE) {
    return validationError([{ type: 'ERROR_TYPE_FIELD', field: 'size', messages: [`size must be an integer between 1 and ${MAX_SIZE}`] }]);
  }
  const test = itemTest(request.query, options);
  if (typeof test === 'string') {
    return validationError([{ type: 'ERROR_TYPE_FIELD', field: test, messages: ['unsupported filter'] }]);
  }
  const offset = request.query.get('offset');
  let after: [number, string] | undefined;
  if (offset) {
    after = decodeOffset(offset);
    if (!after) return validationError([{ type: 'ERROR_TYPE_FIELD', field: 'offset', messages: ['invalid offset'] }]);
  }
  const page: JsonObject[] = [];
  let more = false;
  for (let index = after && options.sorted ? firstAfter(items, after) : 0; index < items.length; index++) {
    const item = items[index]!;
    if ((after && !afterOffset(item, after)) || (options.keep && !options.keep(item)) || !test(item)) continue;
    if (page.length === size) {
      more = true;
      break;
    }
    page.push(item);
  }
  const body: JsonObject = { data: page };
  const last = page[page.length - 1];
  if (more && last) {
    body.offset = encodeOffset(last);
    const next = new URLSearchParams(request.query);
    next.set('offset', body.offset);
    next.set('size', String(size));
    body.next = `/v2${request.path}?${next.toString()}`;
  }
  return { status: 200, body };
}
