import { isJsonObject, type Json, type JsonObject } from '../model/json.js';
import type { KindDescriptor } from './descriptor.js';
import { contentKey, coreEntity, decodeObjectRefs, encodeObjectRefs } from './core-entity.js';
import { KONNECT_DEFAULTS } from './konnect-defaults.js';

const str = (value: Json | undefined): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

export const vault = coreEntity({
  kind: 'vault',
  title: 'vault',
  collection: 'vaults',
  file: { key: 'vaults' },
  identity: (fields) => str(fields.prefix),
  defaultsKey: (fields) => (typeof fields.name === 'string' ? `vault:${fields.name}` : 'vault'),
});

export const certificate = coreEntity({
  kind: 'certificate',
  title: 'certificate',
  collection: 'certificates',
  file: { key: 'certificates' },
  identity: (fields, id) => contentKey('cert', fields.cert) ?? id,
});

export const sni = coreEntity({
  kind: 'sni',
  title: 'SNI',
  collection: 'snis',
  file: { key: 'snis', nested: [{ in: 'certificate', as: 'snis', ref: 'certificate' }] },
  identity: (fields) => str(fields.name),
  refs: [{ path: 'certificate', kind: 'certificate' }],
});

export const caCertificate = coreEntity({
  kind: 'ca_certificate',
  title: 'CA certificate',
  collection: 'ca_certificates',
  file: { key: 'ca_certificates' },
  identity: (fields, id) => contentKey('ca', fields.cert) ?? id,
});

export const customPlugin = coreEntity({
  kind: 'custom_plugin',
  title: 'custom plugin',
  collection: 'custom-plugins',
  file: { key: 'custom_plugins' },
  identity: (fields) => str(fields.name),
  immutable: ['name'],
});

export const partial = coreEntity({
  kind: 'partial',
  title: 'partial',
  collection: 'partials',
  file: { key: 'partials' },
  identity: (fields, id) => str(fields.name) ?? id,
  immutable: ['type'],
  defaultsKey: (fields) => `partial:${String(fields.type)}`,
  overrides: {
    serverManaged: (raw) => Array.isArray(raw.tags) && raw.tags.includes('konnect-managed'),
    implicitRefsReads: ['add_on', 'control_plane_membership'],
    implicitRefs: (entity, all) => {
      // A partial that reads a managed cache's vault values needs that cache ready: the add-on owned by its control
      // plane, or by a group its control plane belongs to.
      if (!JSON.stringify(entity.fields.config ?? null).includes('ADDON_MANAGED_CACHE')) return [];
      const groups = all
        .filter((e) => e.kind === 'control_plane_membership' && Array.isArray(e.fields.members) && e.fields.members.includes(entity.controlPlane ?? ''))
        .map((e) => e.key);
      return all
        .filter((e) => e.kind === 'add_on' && isJsonObject(e.fields.owner))
        .filter((e) => {
          const owner = e.fields.owner as JsonObject;
          return owner.control_plane === entity.controlPlane || groups.includes(String(owner.control_plane_group));
        })
        .map((e) => ({ kind: 'add_on' as const, key: e.key, needsReady: true }));
    },
  },
});

export const service = coreEntity({
  kind: 'service',
  title: 'service',
  collection: 'services',
  file: { key: 'services' },
  identity: (fields, id) => str(fields.name) ?? id,
  overrides: { lookupQuery: (key) => ({ 'filter[name][eq]': key }) },
});

const routeRefs = [{ path: 'service', kind: 'service' as const, lookup: 'services' as const }];
export const route = coreEntity({
  kind: 'route',
  title: 'route',
  collection: 'routes',
  file: { key: 'routes', nested: [{ in: 'service', as: 'routes', ref: 'service' }] },
  identity: (fields, id) => str(fields.name) ?? id,
  refs: routeRefs,
  defaultsKey: (fields) => (fields.expression !== undefined ? 'route:expression' : 'route'),
  overrides: { lookupQuery: (key) => ({ 'filter[name][eq]': key }) },
});

export const upstream = coreEntity({
  kind: 'upstream',
  title: 'upstream',
  collection: 'upstreams',
  file: { key: 'upstreams' },
  identity: (fields) => str(fields.name),
});

export const target = coreEntity({
  kind: 'target',
  title: 'target',
  collection: 'targets',
  file: { nested: [{ in: 'upstream', as: 'targets', ref: 'upstream' }] },
  identity: (fields) => (str(fields.upstream) && str(fields.target) ? `${fields.upstream}/${fields.target}` : undefined),
  refs: [{ path: 'upstream', kind: 'upstream' }],
  parent: { kind: 'upstream', field: 'upstream', collection: 'upstreams' },
  overrides: {
    // The upstream is in the path, not the body.
    encode: (fields) => {
      const { upstream: _upstream, ...body } = fields;
      return body;
    },
    decode: (raw, ctx) => ({ ...decodeObjectRefs(raw, [], ctx), upstream: ctx.parentKey ?? null }),
  },
});

export const consumerGroup = coreEntity({
  kind: 'consumer_group',
  title: 'consumer group',
  collection: 'consumer_groups',
  file: { key: 'consumer_groups' },
  identity: (fields, id) => str(fields.name) ?? id,
});

export const consumer = coreEntity({
  kind: 'consumer',
  title: 'consumer',
  collection: 'consumers',
  file: { key: 'consumers' },
  identity: (fields, id) => str(fields.username) ?? str(fields.custom_id) ?? id,
});

/** A consumer's membership of a consumer group: its own resource in Konnect's API. */
export const consumerGroupMember = coreEntity({
  kind: 'consumer_group_member',
  title: 'consumer group membership',
  collection: 'consumers',
  file: {
    nested: [
      { in: 'consumer', as: 'groups', ref: 'consumer', map: { name: 'consumer_group', id: 'consumer_group' } },
      { in: 'consumer_group', as: 'consumers', ref: 'consumer_group', map: { username: 'consumer', custom_id: 'consumer', id: 'consumer' } },
    ],
  },
  identity: (fields) => (str(fields.consumer_group) && str(fields.consumer) ? `${fields.consumer_group}/${fields.consumer}` : undefined),
  refs: [
    { path: 'consumer_group', kind: 'consumer_group', lookup: 'consumer_groups' },
    { path: 'consumer', kind: 'consumer', lookup: 'consumers' },
  ],
  parent: { kind: 'consumer_group', field: 'consumer_group', collection: 'consumer_groups' },
  overrides: {
    sets: () => [],
    defaults: () => ({}),
    paths: {
      list: '/control-planes/{controlPlaneId}/core-entities/consumer_groups/{parentId}/consumers',
      item: '/control-planes/{controlPlaneId}/core-entities/consumer_groups/{parentId}/consumers/{ref:consumer}',
      pagination: 'offset',
      pageSize: 1000,
    },
    write: {
      create: { method: 'POST', path: 'list' },
      update: 'replace',
      delete: { method: 'DELETE', path: 'item' },
    },
    encode: (fields, ctx) => ({ consumer: ctx.id('consumer', String(fields.consumer)) }),
    // Listed under a group, each item is the member consumer.
    decode: (raw, ctx) => ({
      consumer_group: ctx.parentKey ?? null,
      consumer: str(raw.username) ?? str(raw.custom_id) ?? String(raw.id),
    }),
  },
});

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
  defaultsKey: (fields) => (`plugin:${String(fields.name)}` in KONNECT_DEFAULTS ? `plugin:${String(fields.name)}` : 'plugin'),
  overrides: {
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

export const gatewayKinds = {
  vault,
  certificate,
  sni,
  ca_certificate: caCertificate,
  custom_plugin: customPlugin,
  partial,
  service,
  route,
  upstream,
  target,
  consumer_group: consumerGroup,
  consumer,
  consumer_group_member: consumerGroupMember,
  plugin,
} satisfies Record<string, KindDescriptor>;
