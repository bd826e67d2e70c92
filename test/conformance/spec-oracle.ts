import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { SPEC_APIS, SPEC_DIR, type SpecApi } from './spec-location.js';

// The official Konnect OpenAPI specs as a test oracle: every body the emulator sends or konsync sends must validate.

export { SPEC_APIS, SPEC_DIR, SPECS_MISSING, specsAvailable, type SpecApi } from './spec-location.js';

export interface Verdict {
  valid: boolean;
  /** False when the spec does not describe this status (e.g. core-entity 400s): nothing to check against. */
  documented: boolean;
  errors: string[];
}

type Node = { [key: string]: unknown };
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const VAULT_REFERENCE = { type: 'string', pattern: '^\\{vault://.+\\}$' };

export type Direction = 'request' | 'response';
/** OpenAPI: a readOnly property is not sent in requests (nor required there), a writeOnly one never comes back. */
const ABSENT_IN: Record<Direction, string> = { request: 'readOnly', response: 'writeOnly' };

/**
 * OpenAPI 3.0 → JSON Schema: `nullable: true` becomes a union with null; local refs point into the named spec;
 * an `x-referenceable` field also takes a `{vault://...}` reference (whatever its type or enum), as Kong accepts.
 * With a direction, the properties OpenAPI keeps out of that direction are forbidden.
 */
export function convertSchema(value: unknown, api: string, direction?: Direction, absentRefs: ReadonlySet<string> = new Set()): unknown {
  if (Array.isArray(value)) return value.map((item) => convertSchema(item, api, direction, absentRefs));
  if (!isNode(value)) return value;
  const properties = isNode(value.properties) ? value.properties : {};
  const kept = (name: string): boolean => {
    const property = properties[name];
    if (!direction || !isNode(property)) return true;
    return property[ABSENT_IN[direction]] !== true && !(typeof property.$ref === 'string' && absentRefs.has(property.$ref));
  };
  const absent = Object.keys(properties).filter((name) => !kept(name));
  const out: Node = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === 'nullable' || key === 'x-referenceable') continue;
    if (key === '$ref' && typeof item === 'string' && item.startsWith('#/')) out.$ref = `${api}${item}`;
    else if (key === 'required' && Array.isArray(item) && absent.length > 0) out.required = item.filter((name) => !absent.includes(String(name)));
    else out[key] = convertSchema(item, api, direction, absentRefs);
  }
  if (absent.length > 0) out.properties = { ...(out.properties as Node), ...Object.fromEntries(absent.map((name) => [name, false])) };
  let schema: Node = out;
  if (value['x-referenceable'] === true) schema = { anyOf: [schema, VAULT_REFERENCE] };
  if (value.nullable === true) {
    if (typeof schema.type === 'string' && !('$ref' in schema)) {
      schema.type = [schema.type, 'null'];
      if (Array.isArray(schema.enum)) schema.enum = [...schema.enum, null];
    } else schema = { anyOf: [schema, { type: 'null' }] };
  }
  return schema;
}

/**
 * Parsing the three YAML specs takes about half a second and every test file that talks to an emulator needs them
 * (test/setup/conformance.ts): the parsed form is kept as JSON in the temp dir, keyed by the spec's content hash.
 */
function loadSpec(file: string): Node {
  const text = readFileSync(file, 'utf8');
  const cache = join(tmpdir(), 'konsync-spec-cache', `${createHash('sha256').update(text).digest('hex').slice(0, 32)}.json`);
  try {
    return JSON.parse(readFileSync(cache, 'utf8')) as Node;
  } catch {
    const doc = parse(text) as Node;
    try {
      mkdirSync(dirname(cache), { recursive: true });
      const temp = `${cache}.${process.pid}`;
      writeFileSync(temp, JSON.stringify(doc));
      renameSync(temp, cache);
    } catch {
      // An unwritable temp dir only costs time.
    }
    return doc;
  }
}

export interface Operation {
  api: SpecApi;
  template: string;
  operation: Node;
  method?: string;
}

export class SpecOracle {
  private readonly ajv = new Ajv({ strict: false, unicodeRegExp: false, allErrors: true, validateSchema: false });
  private readonly docs = new Map<SpecApi, Node>();
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly absentRefs = new Map<string, ReadonlySet<string>>();

  constructor(specDir = SPEC_DIR) {
    const addFormats = (formatsModule as unknown as { default?: (ajv: Ajv) => Ajv }).default ?? (formatsModule as unknown as (ajv: Ajv) => Ajv);
    addFormats(this.ajv);
    // Formats the specs use that JSON Schema does not define; they carry no checkable rule.
    for (const format of ['set', 'path', 'url']) this.ajv.addFormat(format, true);
    for (const api of SPEC_APIS) {
      const doc = loadSpec(join(specDir, `${api}.v2.yaml`));
      this.docs.set(api, doc);
      const components = isNode(doc.components) ? doc.components : {};
      const schemas = isNode(components.schemas) ? components.schemas : {};
      for (const direction of ['request', 'response'] as const) {
        const id = `${api}.${direction}`;
        // Components marked readOnly/writeOnly themselves (ids, states, timestamps): a property that is one is too.
        const absent = Object.keys(schemas).filter((name) => isNode(schemas[name]) && (schemas[name] as Node)[ABSENT_IN[direction]] === true);
        this.absentRefs.set(id, new Set(absent.map((name) => `#/components/schemas/${name}`)));
        this.ajv.addSchema({ $id: id, components: { schemas: convertSchema(schemas, id, direction, this.absentRefs.get(id)) } }, undefined, undefined, false);
      }
    }
  }

  /** Every operation of the three specs, in their order. */
  operations(): Operation[] {
    const out: Operation[] = [];
    for (const api of SPEC_APIS) {
      const paths = this.docs.get(api)?.paths;
      if (!isNode(paths)) continue;
      for (const [template, item] of Object.entries(paths)) {
        if (!isNode(item)) continue;
        for (const method of ['get', 'post', 'put', 'patch', 'delete']) if (isNode(item[method])) out.push({ api, template, operation: item[method] as Node, method: method.toUpperCase() });
      }
    }
    return out;
  }

  /** A spec node with its `$ref`s followed (one level; nested refs stay). */
  node(api: SpecApi, node: unknown): Node | undefined {
    return this.resolve(api, node);
  }

  /** The operation for a concrete path (`/v2` optional, query ignored) or a template, in one spec or any. */
  findOperation(method: string, path: string, api?: SpecApi): Operation | undefined {
    const segments = path.split('?')[0]!.replace(/^\/v2(?=\/)/, '').split('/').filter(Boolean);
    let best: (Operation & { score: number }) | undefined;
    for (const candidate of api ? [api] : SPEC_APIS) {
      const paths = this.docs.get(candidate)?.paths;
      if (!isNode(paths)) continue;
      for (const [template, item] of Object.entries(paths)) {
        const parts = template.split('/').filter(Boolean);
        if (parts.length !== segments.length || !isNode(item)) continue;
        let score = 0;
        const matches = parts.every((part, i) => {
          if (/^\{.+\}$/.test(part)) return true;
          score += 1;
          return part === segments[i] || part === decodeURIComponent(segments[i] ?? '');
        });
        const operation = item[method.toLowerCase()];
        if (matches && isNode(operation) && (!best || score > best.score)) best = { api: candidate, template, operation, score };
      }
    }
    return best && { api: best.api, template: best.template, operation: best.operation };
  }

  private resolve(api: SpecApi, node: unknown): Node | undefined {
    if (!isNode(node)) return undefined;
    const ref = node.$ref;
    if (typeof ref !== 'string') return node;
    let target: unknown = this.docs.get(api);
    for (const part of ref.replace(/^#\//, '').split('/')) target = isNode(target) ? target[part] : undefined;
    return this.resolve(api, target);
  }

  /** `anyBody`: where the spec names no content (e.g. a core-entity 404), any body is accepted; elsewhere none is. */
  private check(key: string, api: SpecApi, direction: Direction, content: unknown, body: unknown, anyBody: boolean): Verdict {
    const media = this.resolve(api, content);
    const schema = media && (isNode(media['application/json']) ? media['application/json'] : (Object.values(media).find(isNode) as Node | undefined));
    if (!schema || !isNode(schema.schema)) {
      const ok = anyBody || body === undefined || body === null || body === '';
      return { valid: ok, documented: true, errors: ok ? [] : ['the spec describes no body here'] };
    }
    let validate = this.compiled.get(key);
    if (!validate) {
      const id = `${api}.${direction}`;
      validate = this.ajv.compile(convertSchema(schema.schema, id, direction, this.absentRefs.get(id)) as Node);
      this.compiled.set(key, validate);
    }
    const valid = validate(body);
    return { valid, documented: true, errors: valid ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`) };
  }

  validateResponse(api: SpecApi | undefined, method: string, path: string, status: number, body: unknown): Verdict {
    const found = this.findOperation(method, path, api);
    if (!found) return { valid: false, documented: false, errors: [`no ${method} ${path} in the ${api ?? 'Konnect'} spec`] };
    const responses = isNode(found.operation.responses) ? found.operation.responses : {};
    const response = this.resolve(found.api, responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default);
    if (!response) return { valid: true, documented: false, errors: [] };
    return this.check(`res ${found.api} ${method} ${found.template} ${status}`, found.api, 'response', response.content, body, status !== 204);
  }

  validateRequest(api: SpecApi | undefined, method: string, path: string, body: unknown): Verdict {
    const found = this.findOperation(method, path, api);
    if (!found) return { valid: false, documented: false, errors: [`no ${method} ${path} in the ${api ?? 'Konnect'} spec`] };
    const requestBody = this.resolve(found.api, found.operation.requestBody);
    if (!requestBody) {
      const empty = body === undefined || body === null;
      return { valid: empty, documented: true, errors: empty ? [] : ['the spec takes no request body here'] };
    }
    return this.check(`req ${found.api} ${method} ${found.template}`, found.api, 'request', requestBody.content, body, false);
  }
}

let shared: SpecOracle | undefined;
/** One oracle per test process: compiling the specs takes a moment. */
export function oracle(): SpecOracle {
  shared ??= new SpecOracle();
  return shared;
}

export function validateResponse(api: SpecApi | undefined, method: string, path: string, status: number, body: unknown): Verdict {
  return oracle().validateResponse(api, method, path, status, body);
}

export function validateRequest(api: SpecApi | undefined, method: string, path: string, body: unknown): Verdict {
  return oracle().validateRequest(api, method, path, body);
}
