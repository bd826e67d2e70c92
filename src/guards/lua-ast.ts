import luaparse from 'luaparse';

/** A luaparse AST node, read loosely: the rules look at a few node types only. */
export interface LuaNode {
  type: string;
  loc?: { start: { line: number; column: number } };
  [field: string]: unknown;
}

const isNode = (value: unknown): value is LuaNode => typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

/** The chunk of a Lua text, with locations and scope (`isLocal` on identifiers); undefined when it does not parse. */
export function parseLua(code: string): LuaNode | undefined {
  try {
    return luaparse.parse(code, { luaVersion: 'LuaJIT', locations: true, scope: true, comments: false }) as unknown as LuaNode;
  } catch {
    return undefined;
  }
}

/** Every node below `root`, depth first, in source order. */
export function* walkLua(root: LuaNode): Generator<LuaNode> {
  yield root;
  for (const [key, value] of Object.entries(root)) {
    if (key === 'loc' || key === 'range') continue;
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) yield* walkLua(item);
    } else if (isNode(value)) {
      yield* walkLua(value);
    }
  }
}

/** Each node's parent, for rules that look at what encloses an access (`kong.db` → `kong.db.services.select`). */
export function parentsOf(root: LuaNode): Map<LuaNode, LuaNode> {
  const parents = new Map<LuaNode, LuaNode>();
  const visit = (node: LuaNode) => {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'loc' || key === 'range') continue;
      for (const child of Array.isArray(value) ? value : [value]) {
        if (!isNode(child)) continue;
        parents.set(child, node);
        visit(child);
      }
    }
  };
  visit(root);
  return parents;
}

/**
 * `ngx.timer.at` as ['ngx', 'timer', 'at'] when it starts at a global (not a local that shadows it); `kong.db`
 * indexed with a string (`kong["db"]`) counts too. Undefined for anything else.
 */
export function globalChain(node: LuaNode): string[] | undefined {
  if (node.type === 'Identifier') return node.isLocal === true ? undefined : [String(node.name)];
  if (node.type === 'MemberExpression' && isNode(node.base) && isNode(node.identifier)) {
    const base = globalChain(node.base);
    return base ? [...base, String(node.identifier.name)] : undefined;
  }
  if (node.type === 'IndexExpression' && isNode(node.base) && isNode(node.index) && node.index.type === 'StringLiteral') {
    const base = globalChain(node.base);
    return base ? [...base, stringValue(node.index) ?? ''] : undefined;
  }
  return undefined;
}

/** A string literal's text (luaparse leaves `value` null unless told an encoding; `raw` keeps the quotes). */
export function stringValue(node: LuaNode): string | undefined {
  if (node.type !== 'StringLiteral') return undefined;
  if (typeof node.value === 'string') return node.value;
  const raw = String(node.raw);
  const long = /^\[(=*)\[\n?([\s\S]*)\]\1\]$/.exec(raw);
  if (long) return long[2];
  return raw.slice(1, -1).replace(/\\(.)/g, '$1');
}

/** The module a `require "x"` / `require("x")` call names, when it calls the global require with a literal. */
export function requiredModule(node: LuaNode): string | undefined {
  if (node.type !== 'CallExpression' && node.type !== 'StringCallExpression') return undefined;
  if (!isNode(node.base) || node.base.type !== 'Identifier' || node.base.name !== 'require' || node.base.isLocal === true) return undefined;
  const argument = node.type === 'StringCallExpression' ? node.argument : Array.isArray(node.arguments) ? node.arguments[0] : undefined;
  return isNode(argument) ? stringValue(argument) : undefined;
}

/** The field name of a table entry written `name = value`. */
export function tableKey(node: LuaNode): string | undefined {
  if (node.type === 'TableKeyString' && isNode(node.key)) return String(node.key.name);
  if (node.type === 'TableKey' && isNode(node.key)) return stringValue(node.key);
  return undefined;
}

/** A local string constant, for `name = PLUGIN_NAME`. */
function localString(chunk: LuaNode, name: string): string | undefined {
  let found: string | undefined;
  for (const statement of (chunk.body as LuaNode[] | undefined) ?? []) {
    if (statement.type !== 'LocalStatement') continue;
    const variables = statement.variables as LuaNode[];
    const init = statement.init as LuaNode[];
    variables.forEach((variable, index) => {
      const value = init[index];
      if (variable.name === name && value) found = stringValue(value) ?? found;
    });
  }
  return found;
}

/** The table a chunk returns: `return { ... }`, or `return schema` of a top-level `local schema = { ... }`. */
function returnedTable(chunk: LuaNode): LuaNode | undefined {
  const body = (chunk.body as LuaNode[] | undefined) ?? [];
  const last = body.findLast((statement) => statement.type === 'ReturnStatement');
  const value = last ? (last.arguments as LuaNode[])[0] : undefined;
  if (!value) return undefined;
  if (value.type === 'TableConstructorExpression') return value;
  if (value.type !== 'Identifier') return undefined;
  let table: LuaNode | undefined;
  for (const statement of body) {
    if (statement.type !== 'LocalStatement') continue;
    (statement.variables as LuaNode[]).forEach((variable, index) => {
      const init = (statement.init as LuaNode[])[index];
      if (variable.name === value.name && init?.type === 'TableConstructorExpression') table = init;
    });
  }
  return table;
}

/** The `name` a schema.lua returns, when it is a literal or a local string constant. */
export function schemaName(chunk: LuaNode): { name: string; node: LuaNode } | undefined {
  const table = returnedTable(chunk);
  const field = ((table?.fields as LuaNode[] | undefined) ?? []).find((entry) => tableKey(entry) === 'name');
  const value = field && isNode(field.value) ? field.value : undefined;
  if (!value || !field) return undefined;
  const name = value.type === 'Identifier' ? localString(chunk, String(value.name)) : stringValue(value);
  return name === undefined ? undefined : { name, node: field };
}
