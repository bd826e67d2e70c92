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

/** `filter[name][eq]` / `filter[name][contains]` on the filters the list documents; the parameter in error otherwise. */
function filterItems(items: JsonObject[], query: URLSearchParams, { filters = {}, exactParams = [] }: ListFilters): JsonObject[] | string {
  let out = items;
  for (const [param, value] of query) {
    if (exactParams.includes(param)) {
      out = out.filter((item) => item[param] === value);
      continue;
    }
    const match = /^filter\[([^\]]+)\](?:\[([a-z]+)\])?$/.exec(param);
    if (!match) continue;
    const [, name, op = 'eq'] = match as unknown as [string, string, string | undefined];
    const field = Object.hasOwn(filters, name) ? filters[name] : undefined;
    if (field === undefined || (op !== 'eq' && op !== 'contains')) return param;
    out = out.filter((item) => {
      const actual = item[field];
      if (typeof actual !== 'string') return false;
      return op === 'eq' ? actual === value : actual.includes(value);
    });
  }
  return out;
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

/** A Kong-style page: `{data, offset, next}`; the last page carries neither `offset` nor `next`. */
export function listPage(request: EmuRequest, items: JsonObject[], filters: ListFilters = {}): EmuResponse {
  const sizeParam = request.query.get('size');
  const size = sizeParam === null || sizeParam === '' ? DEFAULT_SIZE : Number(sizeParam);
  if (!Number.isInteger(size) || size < 1 || size > MAX_SIZE) {
    return validationError([{ type: 'ERROR_TYPE_FIELD', field: 'size', messages: [`size must be an integer between 1 and ${MAX_SIZE}`] }]);
  }
  let selected = items;
  const tags = request.query.get('tags');
  if (tags) selected = selected.filter((item) => matchesTags(item, tags));
  const filtered = filterItems(selected, request.query, filters);
  if (typeof filtered === 'string') {
    return validationError([{ type: 'ERROR_TYPE_FIELD', field: filtered, messages: ['unsupported filter'] }]);
  }
  selected = filtered;
  const offset = request.query.get('offset');
  if (offset) {
    const after = decodeOffset(offset);
    if (!after) return validationError([{ type: 'ERROR_TYPE_FIELD', field: 'offset', messages: ['invalid offset'] }]);
    const [createdAt, id] = after;
    selected = selected.filter((item) => Number(item.created_at) > createdAt || (item.created_at === createdAt && String(item.id) > id));
  }
  const page = selected.slice(0, size);
  const body: JsonObject = { data: page };
  const last = page[page.length - 1];
  if (selected.length > size && last) {
    body.offset = encodeOffset(last);
    const next = new URLSearchParams(request.query);
    next.set('offset', body.offset);
    next.set('size', String(size));
    body.next = `/v2${request.path}?${next.toString()}`;
  }
  return { status: 200, body };
}
