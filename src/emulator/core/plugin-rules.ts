import { isJsonObject, type JsonObject } from '../../model/json.js';
import { CUSTOM_PLUGIN_PARTIALS, isKnownPlugin } from '../../kinds/rules/plugin-rules.js';
import { defaultsFor, dropNulls, reduceLinkedSubtree, withDefaults } from './defaults.js';
import { entityError, type ErrorDetail } from './errors.js';
import { configErrors } from './plugin-config.js';
import { partials as partialSchemas } from './schemas/plugins.js';
import type { Scope } from './spec.js';
import { collectionOf, findItem, itemsOf } from './store.js';

/** Where Konnect links a redis partial when the link gives no path. */
const REDIS_PATH = 'config.redis';

function customPlugin(scope: Scope, name: string): JsonObject | undefined {
  return itemsOf(scope.ctx, scope.controlPlaneId, 'custom-plugins').find((item) => item.name === name);
}

/** Deprecated shorthands a plugin's redis record carries; the partial covers them too. */
const REDIS_SHORTHANDS = ['timeout', 'cluster_addresses', 'sentinel_addresses'];

function partialKeys(type: string): string[] {
  const schema = partialSchemas[type];
  const config = schema && isJsonObject(schema.properties) ? schema.properties.config : undefined;
  const keys = isJsonObject(config) && isJsonObject(config.properties) ? Object.keys(config.properties) : [];
  return type.startsWith('redis-') ? [...keys, ...REDIS_SHORTHANDS] : keys;
}

export function fillPlugin(body: JsonObject, scope: Scope): JsonObject | ErrorDetail[] {
  const name = String(body.name);
  const item = withDefaults(defaultsFor(`plugin:${name}`, 'plugin'), body);
  if (!isJsonObject(item.config)) item.config = {};
  const invalid = configErrors(name, item.config);
  if (invalid.length > 0) return invalid;
  // Kong generates the RLA counter namespace when it is not given.
  if (name === 'rate-limiting-advanced' && item.config.namespace === null) item.config.namespace = scope.ctx.newId().replace(/-/g, '');
  if (!Array.isArray(item.partials)) return item;
  item.partials = item.partials.filter(isJsonObject).map((link) => {
    const key = typeof link.id === 'string' ? link.id : String(link.name);
    const partial = findItem(scope.ctx, scope.controlPlaneId, 'partials', key, 'name');
    if (!partial) return link;
    const out: JsonObject = { id: String(partial.id), name: partial.name ?? null };
    const type = String(partial.type);
    const path = typeof link.path === 'string' ? link.path : type.startsWith('redis-') ? REDIS_PATH : undefined;
    if (path !== undefined) {
      out.path = path;
      item.config = reduceLinkedSubtree(item.config as JsonObject, path, partialKeys(type));
    }
    return out;
  });
  return item;
}

export function checkPlugin(item: JsonObject, scope: Scope): ErrorDetail[] {
  const name = String(item.name);
  const custom = customPlugin(scope, name);
  if (!isKnownPlugin(name, new Set(custom ? [name] : []))) {
    return [{ type: 'ERROR_TYPE_FIELD', field: 'name', messages: [`plugin '${name}' not enabled; add it to the 'plugins' configuration property`] }];
  }
  const links = Array.isArray(item.partials) ? item.partials.filter(isJsonObject) : [];
  if (links.length > 0 && custom) return [entityError(CUSTOM_PLUGIN_PARTIALS)];
  const missing = links.filter((link) => !findItem(scope.ctx, scope.controlPlaneId, 'partials', String(link.id ?? link.name), 'name'));
  return missing.map(() => ({ type: 'ERROR_TYPE_REFERENCE', field: 'partials.id', messages: ['partials.id (type: foreign) constraint failed'] }));
}

/** Plugins that link this partial: what `/partials/:id/links` lists. */
export function pluginsLinking(scope: Scope, partialId: string): JsonObject[] {
  return itemsOf(scope.ctx, scope.controlPlaneId, 'plugins').filter(
    (plugin) => Array.isArray(plugin.partials) && plugin.partials.some((link) => isJsonObject(link) && link.id === partialId),
  );
}

export function blockPartialDelete(item: JsonObject, scope: Scope): ErrorDetail[] {
  const count = pluginsLinking(scope, String(item.id)).length;
  return count > 0 ? [entityError(`partial is still linked to ${count} plugin(s)`)] : [];
}

export function blockCustomPluginDelete(item: JsonObject, scope: Scope): ErrorDetail[] {
  const used = Object.values(collectionOf(scope.ctx, scope.controlPlaneId, 'plugins')).some((plugin) => plugin.name === item.name);
  return used ? [entityError(`custom plugin '${String(item.name)}' is still used by plugins`)] : [];
}

export function fillPartial(body: JsonObject): JsonObject {
  const type = String(body.type);
  const defaults = defaultsFor(`partial:${type}`, 'partial');
  const item = withDefaults(Object.keys(defaults).length > 0 ? defaults : { name: null, tags: null }, body);
  item.config = dropNulls(isJsonObject(item.config) ? item.config : {});
  return item;
}

/** Plugins are unique by name and scope (and instance name), as Kong's cache key. */
export function pluginScopeKey(item: JsonObject): string {
  const ref = (field: string): string => (isJsonObject(item[field]) ? String((item[field] as JsonObject).id) : '');
  return [item.name, ref('service'), ref('route'), ref('consumer'), ref('consumer_group'), item.instance_name ?? ''].join('|');
}
