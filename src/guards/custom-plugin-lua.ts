import type { Entity } from '../model/entity.js';
import { isJsonObject } from '../model/json.js';
import type { DesiredState } from '../model/state.js';
import { sideFilePath } from '../state/load/code-fields.js';
import { fieldPathOf, formatPath, type FindingList, type Severity } from './finding.js';
import { globalChain, parentsOf, parseLua, requiredModule, schemaName, tableKey, walkLua, type LuaNode } from './lua-ast.js';
import { allowedDbAccess, filesystemAccess, HANDLER_REQUIRES, PLATFORM_NAMESPACES, SCHEMA_REQUIRES } from './lua-sandbox.js';

type CodeField = 'handler' | 'schema';
type Report = (node: LuaNode | undefined, severity: Severity, rule: string, message: string) => void;

/** Reports at a Lua node: inside the side file, or at the YAML line that holds the Lua line. */
function luaReporter(state: DesiredState, plugin: Entity, field: CodeField, out: FindingList): Report {
  const file = plugin.source?.file;
  const base = fieldPathOf(plugin, []);
  const relative = file ? state.locator?.value(file, [...base, `${field}_file`]) : undefined;
  return (node, severity, rule, message) => {
    const lua = node?.loc?.start;
    if (!file || !state.locator || !lua) {
      out.at(plugin, [field], severity, rule, lua ? `${field}.lua line ${lua.line}: ${message}` : message);
      return;
    }
    if (typeof relative === 'string') {
      const holder = state.locator.field(file, [...base, `${field}_file`]);
      out.add({
        severity, rule, file: sideFilePath(file, relative), line: lua.line, column: lua.column + 1, path: formatPath([...base, `${field}_file`]),
        message: `${field}.lua line ${lua.line} (${field}_file at ${file}:${holder.line}): ${message}`,
      });
      return;
    }
    const text = state.locator.text(file, [...base, field]);
    const position = text?.block
      ? { line: text.line + lua.line - 1, column: text.column + lua.column }
      : text ?? state.locator.field(file, [...base, field]);
    out.add({ severity, rule, file, line: position.line, column: position.column, path: formatPath([...base, field]), message: `${field}.lua line ${lua.line}: ${message}` });
  };
}

/** Modules KONG_UNTRUSTED_LUA_SANDBOX_REQUIRES adds for a control plane (any of its data plane groups). */
function extraRequires(entities: readonly Entity[], controlPlane: string | undefined): Set<string> {
  const out = new Set<string>();
  const configuration = entities.find((entity) => entity.kind === 'configuration' && entity.fields.control_plane === controlPlane);
  const groups = Array.isArray(configuration?.fields.dataplane_groups) ? configuration.fields.dataplane_groups : [];
  for (const group of groups.filter(isJsonObject)) {
    for (const variable of (Array.isArray(group.environment) ? group.environment : []).filter(isJsonObject)) {
      if (variable.name !== 'KONG_UNTRUSTED_LUA_SANDBOX_REQUIRES' || typeof variable.value !== 'string') continue;
      for (const name of variable.value.split(',')) if (name.trim() !== '') out.add(name.trim());
    }
  }
  return out;
}

function checkRequire(module: string, field: CodeField, plugin: string, extra: Set<string>): { severity: Severity; rule: string; message: string } | undefined {
  const allowed = field === 'handler' ? HANDLER_REQUIRES : SCHEMA_REQUIRES;
  if (allowed.has(module) || extra.has(module)) return undefined;
  const pluginModule = /^kong\.plugins\.([^.]+)\.(.+)$/.exec(module);
  if (pluginModule && /^(daos|api|migrations)(\.|$)/.test(pluginModule[2]!)) {
    return { severity: 'error', rule: 'custom-plugin.dao-api-migrations', message: `require("${module}"): streamed plugins cannot have DAOs, custom APIs or migrations` };
  }
  if (pluginModule) {
    const whose = pluginModule[1] === plugin ? 'its own extra modules' : `another plugin's internals (${pluginModule[1]})`;
    return { severity: 'error', rule: 'custom-plugin.require', message: `require("${module}"): a streamed plugin is handler.lua and schema.lua only; it cannot load ${whose}` };
  }
  if (/^kong\.db(\.|$)/.test(module)) {
    return { severity: 'error', rule: 'custom-plugin.dao-api-migrations', message: `require("${module}"): streamed plugins cannot use the database layer (DAOs)` };
  }
  if (PLATFORM_NAMESPACES.some((prefix) => module.startsWith(prefix))) {
    return { severity: 'warning', rule: 'custom-plugin.require', message: `require("${module}") is not in the plugin sandbox's ${field} allowlist; it fails when sandboxing is on (add it to KONG_UNTRUSTED_LUA_SANDBOX_REQUIRES)` };
  }
  return { severity: 'error', rule: 'custom-plugin.require', message: `require("${module}"): custom modules cannot be required on Dedicated Cloud Gateways (only Kong's sandbox allowlist and KONG_UNTRUSTED_LUA_SANDBOX_REQUIRES)` };
}

/** Rules for either file: requires, timers, the database layer, the filesystem. */
function checkCode(chunk: LuaNode, field: CodeField, plugin: string, extra: Set<string>, report: Report): void {
  const parents = parentsOf(chunk);
  for (const node of walkLua(chunk)) {
    const module = requiredModule(node);
    if (module !== undefined) {
      const finding = checkRequire(module, field, plugin, extra);
      if (finding) report(node, finding.severity, finding.rule, finding.message);
      continue;
    }
    if (node.type !== 'MemberExpression' && node.type !== 'IndexExpression' && node.type !== 'Identifier') continue;
    const holder = parents.get(node);
    if (node.type === 'Identifier' && holder && (holder.identifier === node || holder.key === node)) continue;
    const chain = globalChain(node);
    if (!chain) continue;
    const [root, member] = chain;
    if (chain.length === 2 && (root === 'ngx' || root === 'kong') && member === 'timer') {
      report(node, 'error', 'custom-plugin.timer', `${root}.timer: plugins streamed to Dedicated Cloud Gateways cannot set timers`);
    } else if (chain.length === 2 && root === 'kong' && member === 'db') {
      // Reported once per access, at the `kong.db` node; the sandbox's read-only lookups are the exception.
      const parent = parents.get(node);
      const grand = parent ? parents.get(parent) : undefined;
      const method = grand ? globalChain(grand) : parent ? globalChain(parent) : undefined;
      if (!method || method.length < 4) {
        report(node, 'warning', 'custom-plugin.dao-api-migrations', `kong.db used indirectly: streamed plugins may only call the sandbox's read-only select/cache_key lookups (kong.db.<entity>:select...)`);
      } else if (!allowedDbAccess(method)) {
        report(node, 'error', 'custom-plugin.dao-api-migrations', `${method.join('.')}: streamed plugins cannot use the database layer (only the sandbox's read-only select/cache_key lookups)`);
      }
    } else if (filesystemAccess(chain)) {
      report(node, 'error', 'custom-plugin.filesystem', `${chain.join('.')}: plugins cannot read or write the data plane's filesystem or run processes`);
    }
  }
}

/** `function Handler:init_worker()`, `Handler.init_worker = function`, `{ init_worker = function ... }`. */
function checkInitWorker(chunk: LuaNode, report: Report): void {
  const message = 'init_worker: plugins streamed to Dedicated Cloud Gateways cannot run in the init_worker phase';
  for (const node of walkLua(chunk)) {
    const named =
      (node.type === 'FunctionDeclaration' && (node.identifier as LuaNode | null)?.type === 'MemberExpression' && ((node.identifier as LuaNode).identifier as LuaNode).name === 'init_worker') ||
      (node.type === 'AssignmentStatement' && (node.variables as LuaNode[]).some((target) => target.type === 'MemberExpression' && (target.identifier as LuaNode).name === 'init_worker')) ||
      (tableKey(node) === 'init_worker');
    if (named) report(node, 'error', 'custom-plugin.init-worker', message);
  }
}

/** `custom_validator`, and functions in `entity_checks` (custom_entity_check): Konnect's schema sandbox runs no custom code. */
function checkSchemaValidation(chunk: LuaNode, report: Report): void {
  for (const node of walkLua(chunk)) {
    const key = tableKey(node);
    if (key === 'custom_validator' || key === 'custom_entity_check') {
      report(node, 'error', 'custom-plugin.schema-validation', `${key}: custom validation must be implemented in handler.lua, not schema.lua`);
    } else if (key === 'entity_checks') {
      const fn = [...walkLua(node.value as LuaNode)].find((inner) => inner.type === 'FunctionDeclaration');
      if (fn) report(fn, 'error', 'custom-plugin.schema-validation', 'a function in entity_checks: custom validation must be implemented in handler.lua, not schema.lua');
    }
  }
}

/**
 * Custom plugin streaming rules (dcgw-docs 000 "Custom plugin limitations", 003; KONNECT-API.md §8). Syntax and the
 * 100 KB limit are the loader's (code-fields.ts); a file that does not parse is not checked further here.
 */
export function checkCustomPlugins(state: DesiredState, out: FindingList): void {
  for (const plugin of state.entities.filter((entity) => entity.kind === 'custom_plugin')) {
    const name = String(plugin.fields.name);
    const extra = extraRequires(state.entities, plugin.controlPlane);
    for (const field of ['handler', 'schema'] as const) {
      const code = plugin.fields[field];
      const chunk = typeof code === 'string' ? parseLua(code) : undefined;
      if (!chunk) continue;
      const report = luaReporter(state, plugin, field, out);
      checkCode(chunk, field, name, extra, report);
      if (field === 'handler') checkInitWorker(chunk, report);
      if (field === 'schema') {
        checkSchemaValidation(chunk, report);
        const declared = schemaName(chunk);
        if (!declared) report(undefined, 'warning', 'custom-plugin.name', `schema.lua's name could not be read statically; it must equal the plugin's name "${name}"`);
        else if (declared.name !== name) report(declared.node, 'error', 'custom-plugin.name', `schema.lua names the plugin "${declared.name}", but it is uploaded as "${name}": the two must be identical`);
      }
    }
  }
}
