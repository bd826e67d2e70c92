import type { EmuRequest, EmuResponse } from './types.js';
import type { JsonObject } from '../model/json.js';
import { badRequest, type Api } from './problem.js';

const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 100;

type Operator = 'eq' | 'neq' | 'contains' | 'ocontains' | 'oeq';
/** filter name (as in `filter[name]`) → allowed operators, and the dotted path read when it differs from the name. */
export type FilterSpec = Record<string, Operator[] | { ops: Operator[]; path: string }>;

function valueAt(object: JsonObject, path: string): unknown {
  let current: unknown = object;
  for (const part of path.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function matches(actual: unknown, op: Operator, expected: string): boolean {
  const value = actual === undefined || actual === null ? '' : String(actual);
  const list = expected.split(',');
  switch (op) {
    case 'eq':
      return value === expected;
    case 'neq':
      return value !== expected;
    case 'contains':
      return value.includes(expected);
    case 'ocontains':
      return list.some((item) => value.includes(item));
    case 'oeq':
      return list.includes(value);
  }
}

const FILTER = /^filter\[([^\]]+)\](?:\[([a-z]+)\])?$/;

/** Applies `filter[field][op]=v` (bare `filter[field]=v` is `eq`); returns a 400 for an operator the field lacks. */
export function applyFilters(api: Api, items: JsonObject[], query: URLSearchParams, spec: FilterSpec): JsonObject[] | EmuResponse {
  let out = items;
  for (const [key, expected] of query) {
    const match = FILTER.exec(key);
    if (!match) continue;
    const field = match[1] as string;
    const op = (match[2] ?? 'eq') as Operator;
    const entry = spec[field];
    if (!entry) continue;
    const allowed = Array.isArray(entry) ? entry : entry.ops;
    const path = Array.isArray(entry) ? field : entry.path;
    if (!allowed.includes(op)) {
      return badRequest(api, [{ field: key, rule: 'enum', reason: `"${key}" is not a supported filter operator`, source: 'query', choices: allowed }]);
    }
    out = out.filter((item) => matches(valueAt(item, path), op, expected));
  }
  return out;
}

/** A positive integer query parameter (`page[size]`, `page[number]`), or the 400 Konnect answers. */
export function pageParam(api: Api, query: URLSearchParams, name: string, fallback: number, max?: number): number | EmuResponse {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value)) return badRequest(api, [{ field: name, rule: 'is_integer', reason: `${name} must be an integer number`, source: 'query' }]);
  if (value < 1) return badRequest(api, [{ field: name, rule: 'min', reason: `${name} must be greater than or equal to 1`, source: 'query', minimum: 1 }]);
  if (max !== undefined && value > max) {
    return badRequest(api, [{ field: name, rule: 'max', reason: `${name} must be less than or equal to ${max}`, source: 'query', maximum: max }]);
  }
  return value;
}

/** `page[size]`/`page[number]` pagination with `meta.page{number, size, total}`. */
export function paginate(api: Api, items: JsonObject[], request: EmuRequest): EmuResponse {
  const size = pageParam(api, request.query, 'page[size]', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  if (typeof size !== 'number') return size;
  const number = pageParam(api, request.query, 'page[number]', 1);
  if (typeof number !== 'number') return number;
  const data = items.slice((number - 1) * size, number * size);
  return { status: 200, body: { data, meta: { page: { number, size, total: items.length } } } };
}

/** Filters then paginates; items come sorted by creation. */
export function listResponse(api: Api, items: JsonObject[], request: EmuRequest, spec: FilterSpec): EmuResponse {
  const filtered = applyFilters(api, sortByCreation(items), request.query, spec);
  if (!Array.isArray(filtered)) return filtered;
  return paginate(api, filtered, request);
}

export function sortByCreation(items: JsonObject[]): JsonObject[] {
  return [...items].sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)));
}

export const STRING_OPS: Operator[] = ['eq', 'neq', 'contains', 'ocontains', 'oeq'];
export const ENUM_OPS: Operator[] = ['eq', 'neq', 'oeq'];
