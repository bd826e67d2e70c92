import type { SpecOracle } from '../spec-oracle.js';
import type { OperationRow } from './operations.js';

// One request per documented query parameter (and per filter operator) of every served top-level list: each must be
// honoured (200), since a client following the spec may send any of them.

type Node = { [key: string]: unknown };
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

export interface ListProbe {
  path: string;
  query: string;
}

/** Parameters that need state to be valid (a cursor from an earlier page). */
const STATEFUL = new Set(['offset', 'page[after]']);

function sampleValue(schema: Node | undefined, op?: string): string {
  if (schema && Array.isArray(schema.enum) && schema.enum.length > 0) return op === 'oeq' ? schema.enum.slice(0, 2).map(String).join(',') : String(schema.enum[0]);
  if (schema?.type === 'boolean') return 'true';
  if (schema?.type === 'integer' || schema?.type === 'number') return String(schema.example ?? schema.minimum ?? 1);
  return op === 'oeq' || op === 'ocontains' ? 'x,y' : 'x';
}

/** `{op, value schema}` for each way a deepObject filter field may be written; `op` undefined is `filter[field]=v`. */
function operators(spec: SpecOracle, api: OperationRow['api'], schema: unknown): { op?: string; value?: Node }[] {
  const node = spec.node(api, schema);
  if (!node) return [];
  const branches = (Array.isArray(node.oneOf) ? node.oneOf : Array.isArray(node.anyOf) ? node.anyOf : undefined) as unknown[] | undefined;
  if (branches) return branches.flatMap((branch) => operators(spec, api, branch));
  if (isNode(node.properties)) return Object.entries(node.properties).map(([op, value]) => ({ op, value: spec.node(api, value) }));
  return [{ value: node }];
}

export function listProbes(spec: SpecOracle, rows: OperationRow[]): ListProbe[] {
  const probes: ListProbe[] = [];
  for (const row of rows) {
    const parameters = Array.isArray(row.operation.parameters) ? row.operation.parameters : [];
    // Top-level lists only: a nested list or an item needs a parent that exists.
    if (row.coverage !== 'served' || row.method !== 'GET' || row.template.replace('{controlPlaneId}', '').includes('{')) continue;
    for (const raw of parameters) {
      const parameter = spec.node(row.api, raw);
      if (!parameter || parameter.in !== 'query' || STATEFUL.has(String(parameter.name))) continue;
      const name = String(parameter.name);
      const schema = spec.node(row.api, parameter.schema);
      if (parameter.style === 'deepObject' && schema && isNode(schema.properties)) {
        for (const [field, fieldSchema] of Object.entries(schema.properties)) {
          for (const { op, value } of operators(spec, row.api, fieldSchema)) {
            const key = op === undefined ? `${name}[${field}]` : `${name}[${field}][${op}]`;
            probes.push({ path: row.template, query: `${encodeURIComponent(key)}=${encodeURIComponent(sampleValue(value, op))}` });
          }
        }
        continue;
      }
      const value = name === 'labels' ? 'env:prod' : name === 'sort' ? 'name' : sampleValue(schema);
      probes.push({ path: row.template, query: `${encodeURIComponent(name)}=${encodeURIComponent(value)}` });
    }
  }
  return probes;
}
