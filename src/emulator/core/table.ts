import { createHash } from 'node:crypto';
import { isJsonObject, type JsonObject } from '../../model/json.js';
import { customPluginNameProblem } from '../../kinds/rules/plugin-rules.js';
import { routeMatcherProblem } from '../../kinds/rules/route-rules.js';
import { defaultsFor, dropNulls, splitServiceUrl, targetWithPort, withDefaults } from './defaults.js';
import { entityError } from './errors.js';
import { blockCustomPluginDelete, blockPartialDelete, checkPlugin, fillPartial, fillPlugin, pluginScopeKey } from './plugin-rules.js';
import { consumerGroupWrapper } from './members.js';
import { service, routeExpression, routeJson, upstream, target } from './schemas/traffic.js';
import { plugin, partials, partialType, customPlugin, vault } from './schemas/plugins.js';
import { consumer, consumerGroup, certificate, sni, caCertificate, key, keySet } from './schemas/identity.js';
import { byField, type CollectionSpec } from './spec.js';
import { CREDENTIAL_COLLECTIONS } from './credentials.js';
import { GRAPHQL_COLLECTIONS } from './graphql.js';

const plain = (extra: JsonObject) => (body: JsonObject): JsonObject => withDefaults({ tags: null, ...extra }, body);

export const COLLECTIONS: CollectionSpec[] = [
  {
    collection: 'services',
    schema: () => service,
    nameField: 'name',
    unique: [byField('name')],
    filters: { name: 'name' },
    fill: (body) => {
      const split = splitServiceUrl(body);
      if (typeof split === 'string') return [{ type: 'ERROR_TYPE_FIELD', field: 'url', messages: ['invalid url'] }];
      return withDefaults(defaultsFor('service', 'service'), split);
    },
  },
  {
    collection: 'routes',
    schema: (body) => (body.expression !== undefined ? routeExpression : routeJson),
    nameField: 'name',
    unique: [byField('name')],
    filters: { name: 'name' },
    fill: (body) => {
      const expression = body.expression !== undefined;
      const item = withDefaults(defaultsFor(expression ? 'route:expression' : 'route', 'route'), body);
      const problem = expression ? undefined : routeMatcherProblem(item);
      return problem ? [entityError(problem)] : item;
    },
  },
  {
    collection: 'plugins',
    schema: () => plugin,
    unique: [{ field: 'cache_key', key: pluginScopeKey }, byField('instance_name')],
    filters: { name: 'name' },
    fill: fillPlugin,
    check: checkPlugin,
  },
  {
    collection: 'partials',
    schema: (body) => partials[String(body.type)] ?? partialType,
    nameField: 'name',
    unique: [byField('name')],
    filters: {},
    fill: fillPartial,
    blockDelete: blockPartialDelete,
  },
  {
    collection: 'custom-plugins',
    schema: () => customPlugin,
    nameField: 'name',
    unique: [byField('name')],
    filters: {},
    fill: plain({}),
    check: (item) => {
      const problem = customPluginNameProblem(String(item.name));
      return problem ? [{ type: 'ERROR_TYPE_FIELD', field: 'name', messages: [problem] }] : [];
    },
    blockDelete: blockCustomPluginDelete,
  },
  {
    collection: 'consumers',
    schema: () => consumer,
    nameField: 'username',
    unique: [byField('username'), byField('custom_id')],
    filters: { name: 'username' },
    exactParams: ['custom_id'],
    fill: (body) => {
      if (typeof body.username !== 'string' && typeof body.custom_id !== 'string') {
        return [entityError("at least one of these fields must be non-empty: 'custom_id', 'username'")];
      }
      return withDefaults(defaultsFor('consumer', 'consumer'), body);
    },
  },
  {
    collection: 'consumer_groups',
    schema: () => consumerGroup,
    nameField: 'name',
    unique: [byField('name')],
    filters: {},
    fill: (body) => withDefaults(defaultsFor('consumer_group', 'consumer_group'), body),
    wrapItem: consumerGroupWrapper,
  },
  {
    collection: 'upstreams',
    schema: () => upstream,
    nameField: 'name',
    unique: [byField('name')],
    filters: {},
    fill: (body) => {
      const item = withDefaults(defaultsFor('upstream', 'upstream'), body);
      // Healthcheck records are not nullable in Konnect's schema: an unset `headers` or `https_sni` is absent.
      if (isJsonObject(item.healthchecks)) item.healthchecks = dropNulls(item.healthchecks);
      return item;
    },
  },
  {
    collection: 'targets',
    schema: () => target,
    unique: [{ field: 'target', key: (item) => `${JSON.stringify(item.upstream)}|${String(item.target)}` }],
    filters: {},
    fill: (body) => withDefaults(defaultsFor('target', 'target'), { ...body, target: targetWithPort(String(body.target)) }),
    topLevel: 'list',
    fractionalTimestamps: true,
  },
  {
    collection: 'certificates',
    schema: () => certificate,
    unique: [],
    filters: {},
    fill: plain({ cert_alt: null, key_alt: null }),
  },
  {
    collection: 'snis',
    schema: () => sni,
    nameField: 'name',
    unique: [byField('name')],
    filters: {},
    fill: plain({}),
  },
  {
    collection: 'ca_certificates',
    schema: () => caCertificate,
    unique: [byField('cert_digest')],
    filters: {},
    // The digest is computed, never taken from the body: sha256 of the DER certificate, as Kong's x509:digest.
    fill: (body) => ({ ...plain({})(body), cert_digest: certDigest(String(body.cert)) }),
  },
  {
    collection: 'vaults',
    schema: () => vault,
    nameField: 'prefix',
    unique: [byField('prefix')],
    filters: {},
    fill: (body) => withDefaults(defaultsFor(`vault:${String(body.name)}`, 'vault'), body),
  },
  {
    collection: 'keys',
    schema: () => key,
    nameField: 'name',
    unique: [byField('name'), { field: 'kid', key: (item) => `${JSON.stringify(item.set)}|${String(item.kid)}` }],
    filters: {},
    fill: plain({ name: null, set: null, jwk: null, pem: null, x5t: null }),
  },
  {
    collection: 'key-sets',
    schema: () => keySet,
    nameField: 'name',
    unique: [byField('name')],
    filters: {},
    fill: plain({ name: null }),
  },
  ...CREDENTIAL_COLLECTIONS,
  ...GRAPHQL_COLLECTIONS,
];

/** sha256 (hex) of the first PEM block's DER bytes: what Kong stores as a CA certificate's `cert_digest`. */
export function certDigest(pem: string): string {
  const block = /-----BEGIN [^-]+-----([\s\S]*?)-----END [^-]+-----/.exec(pem);
  const der = Buffer.from((block?.[1] ?? pem).replace(/\s+/g, ''), 'base64');
  return createHash('sha256').update(der).digest('hex');
}

export const SPECS: ReadonlyMap<string, CollectionSpec> = new Map(COLLECTIONS.map((spec) => [spec.collection, spec]));

export function specOf(collection: string): CollectionSpec {
  const spec = SPECS.get(collection);
  if (!spec) throw new Error(`unknown core collection ${collection}`);
  return spec;
}
