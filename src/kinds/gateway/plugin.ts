import { isJsonObject, type JsonObject } from '../../model/json.js';
import { coreEntity, decodeObjectRefs, encodeObjectRefs } from '../core-entity.js';
import { pluginDefaultsFromSchema } from '../schema-defaults.js';
import { str } from '../values.js';
import { scopedKey } from '../../model/entity.js';
import { CUSTOM_PLUGIN_PARTIALS, isKnownPlugin, unknownPluginMessage } from '../rules/plugin-rules.js';

const NO_CUSTOM_PLUGINS: ReadonlySet<string> = new Set();
import { SECRET_CONFIG_FIELDS } from '../secret-config-fields.js';

const pluginRefs = [
  { path: 'service', kind: 'service' as const, lookup: 'services' as const },
  { path: 'route', kind: 'route' as const, lookup: 'routes' as const },
  { path: 'consumer', kind: 'consumer' as const, lookup: 'consumers' as const },
  { path: 'consumer_group', kind: 'consumer_group' as const, lookup: 'consumer_groups' as const },
  { path: 'partials[].name', kind: 'partial' as const, lookup: 'partials' as const },
];
const PLUGIN_SCOPES = ['service', 'route', 'consumer', 'consumer_group'] as const;
const PLUGIN_SHORTHANDS = [
  ...['database', 'host', 'password', 'port', 'server_name', 'ssl', 'ssl_verify', 'timeout', 'username'].map((name) => `config.redis_${name}`),
  'config.redis.timeout',
  'config.redis.cluster_addresses',
  'config.redis.sentinel_addresses',
];
/** Where Konnect links a redis partial into a plugin's config when the link gives no path. */
const DEFAULT_PARTIAL_PATH = 'config.redis';

const REDIS_WARNING =
  'strategy "redis" with no redis partial and no redis host: Konnect accepts it, but the plugin cannot count (link a partial, e.g. the managed cache\'s "konnect-managed", or set config.redis)';

/** A plugin told to keep its counters in redis that was given no redis to use. */
function usesRedisWithoutOne(fields: JsonObject): boolean {
  const config = isJsonObject(fields.config) ? fields.config : {};
  if (config.strategy !== 'redis') return false;
  if (Array.isArray(fields.partials) && fields.partials.length > 0) return false;
  const redis = isJsonObject(config.redis) ? config.redis : {};
  const given = (value: unknown) => value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);
  return ![redis.host, redis.cluster_nodes, redis.sentinel_nodes, config.redis_host].some(given);
}

export const plugin = coreEntity({
  kind: 'plugin',
  title: 'plugin',
  collection: 'plugins',
  file: {
    key: 'plugins',
    nested: PLUGIN_SCOPES.map((scope) => ({ in: scope, as: 'plugins', ref: scope })),
  },
  // Name + scope + instance name: the same plugin on two services is two entities.
  identity: (fields) => {
    const name = str(fields.name);
    if (!name) return undefined;
    const parts = [name];
    for (const scope of PLUGIN_SCOPES) if (str(fields[scope])) parts.push(`${scope}=${fields[scope]}`);
    if (str(fields.instance_name)) parts.push(`instance=${fields.instance_name}`);
    return parts.join('|');
  },
  refs: pluginRefs,
  // Deprecated shorthand fields Konnect fills on read from `config.redis.*` (SOURCES.md drift trap 3): compared
  // through the fields they mirror.
  ignore: PLUGIN_SHORTHANDS,
  defaultsKey: (fields) => `plugin:${String(fields.name)}`,
  defaultsFallback: 'plugin',
  // Custom plugins' schemas are their control plane's own; bundled plugins share one across control planes.
  schema: { field: 'name', collection: 'plugins', convert: pluginDefaultsFromSchema, localTo: { kind: 'custom_plugin', field: 'name' } },
  overrides: {
    unique: ['instance_name'],
    secrets: SECRET_CONFIG_FIELDS,
    check: (entity, ctx) => {
      const name = str(entity.fields.name);
      if (!name) return;
      const custom = ctx.find('custom_plugin', scopedKey(entity.controlPlane, name)) !== undefined;
      if (custom) {
        if (Array.isArray(entity.fields.partials) && entity.fields.partials.length > 0) ctx.report(entity, ['partials'], CUSTOM_PLUGIN_PARTIALS);
        return;
      }
      if (isKnownPlugin(name, NO_CUSTOM_PLUGINS)) return;
      // Only on failure: the control plane's custom plugin names, for the "did you mean".
      const names = new Set(ctx.all.filter((e) => e.kind === 'custom_plugin' && e.controlPlane === entity.controlPlane).map((e) => String(e.fields.name)));
      ctx.reportUnlessLive(entity, ['name'], unknownPluginMessage(name, names), { kind: 'custom_plugin', field: 'name', value: name });
    },
    // The plugin's name is the key's first part: `rate-limiting|service=orders`.
    lookupQuery: (key) => ({ 'filter[name][eq]': key.split('|')[0] ?? key }),
    // RLA's namespace is generated when omitted (SOURCES.md drift trap 1).
    generated: ['config.namespace'],
    normalize: (fields) => {
      if (!Array.isArray(fields.partials)) return fields;
      const partials = fields.partials.map((link) =>
        isJsonObject(link) && link.path === undefined ? { ...link, path: DEFAULT_PARTIAL_PATH } : link,
      );
      return { ...fields, partials };
    },
    warnings: (entity) => (usesRedisWithoutOne(entity.fields) ? [{ field: ['config', 'strategy'], message: REDIS_WARNING }] : []),
    implicitRefsReads: ['custom_plugin'],
    implicitRefs: (entity, all) =>
      all
        .filter((e) => e.kind === 'custom_plugin' && e.controlPlane === entity.controlPlane && e.fields.name === entity.fields.name)
        .map((e) => ({ kind: 'custom_plugin' as const, key: e.key })),
    encode: (fields, ctx) => {
      const body = encodeObjectRefs(fields, pluginRefs, ctx);
      if (Array.isArray(fields.partials)) {
        body.partials = fields.partials.filter(isJsonObject).map((link) => {
          const out: JsonObject = { id: ctx.id('partial', String(link.name)) };
          if (link.path !== undefined) out.path = link.path;
          return out;
        });
      }
      return body;
    },
    decode: (raw, ctx) => {
      const fields = decodeObjectRefs(raw, pluginRefs, ctx);
      if (Array.isArray(raw.partials)) {
        fields.partials = raw.partials.filter(isJsonObject).map((link) => {
          const name = typeof link.id === 'string' ? ctx.key('partial', link.id) : undefined;
          const out: JsonObject = { name: name ?? str(link.name) ?? `id:${String(link.id)}` };
          if (link.path !== undefined && link.path !== null) out.path = link.path;
          return out;
        });
      }
      return fields;
    },
  },
});
