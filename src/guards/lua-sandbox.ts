/**
 * What a streamed custom plugin may use on a Dedicated Cloud Gateway data plane. Source: Kong Gateway's plugin
 * sandbox (kong/tools/sandbox/require/{lua,handler,schema}.lua and environment/handler.lua, Kong 3.9+), which the
 * DCGW docs refer to ("Custom modules cannot be required when plugin sandboxing is enabled"). The control plane's
 * KONG_UNTRUSTED_LUA_SANDBOX_REQUIRES adds modules.
 */
const words = (text: string) => text.split(/\s+/).filter((word) => word !== '');

const LUA_REQUIRES = words(`bit string.buffer table.clear table.clone table.isarray table.isempty table.new table.nkeys`);

export const HANDLER_REQUIRES: ReadonlySet<string> = new Set([
  ...LUA_REQUIRES,
  ...words(`
    kong.enterprise_edition.tools.redis.v2 cjson cjson.safe lyaml kong.constants kong.concurrency kong.meta
    kong.tools.cjson kong.tools.gzip kong.tools.ip kong.tools.mime_type kong.tools.rand kong.tools.sha256
    kong.tools.string kong.tools.table kong.tools.time kong.tools.timestamp kong.tools.uri kong.tools.uuid
    kong.tools.yield ngx.base64 ngx.req ngx.resp ngx.semaphore pgmoon pgmoon.arrays pgmoon.hstore pl.stringx pl.tablex
    resty.aes resty.lock resty.md5 resty.memcached resty.mysql resty.random resty.redis resty.sha resty.sha1
    resty.sha224 resty.sha256 resty.sha384 resty.sha512 resty.string resty.upload resty.core.time resty.dns.resolver
    resty.lrucache resty.lrucache.pureffi resty.ada resty.ada.search resty.aws resty.azure resty.cookie resty.evp
    resty.gcp resty.http resty.ipmatcher resty.jit-uuid resty.jq resty.jwt resty.passwdqc resty.session
    resty.rediscluster resty.openssl resty.openssl.bn resty.openssl.cipher resty.openssl.digest resty.openssl.hmac
    resty.openssl.kdf resty.openssl.mac resty.openssl.pkey resty.openssl.pkcs12 resty.openssl.objects
    resty.openssl.rand resty.openssl.version resty.openssl.x509 socket.url tablepool version xmlua`),
]);

export const SCHEMA_REQUIRES: ReadonlySet<string> = new Set([
  ...LUA_REQUIRES,
  ...words(`kong.db.schema.typedefs kong.tools.redis.schema kong.enterprise_edition.tools.redis.v2 kong.enterprise_edition.tools.redis.v2.schema`),
]);

/** Kong's and OpenResty's own namespaces: outside the lists above they exist on the data plane, but the sandbox refuses them. */
export const PLATFORM_NAMESPACES = ['kong.', 'ngx.', 'resty.', 'pl.'];

/** `kong.db` calls the handler sandbox allows: read-only lookups of these entities. */
const DB_ENTITIES = ['certificates', 'consumers', 'keys', 'plugins', 'routes', 'services', 'snis', 'targets', 'upstreams'];
export function allowedDbAccess(chain: readonly string[]): boolean {
  const [, , entity, method] = chain;
  return entity !== undefined && DB_ENTITIES.includes(entity) && method !== undefined && /^(select|select_by_\w+|cache_key)$/.test(method);
}

/** Globals that reach the filesystem or the process (dcgw-docs 000: "Plugins cannot read/write to the filesystem"). */
export function filesystemAccess(chain: readonly string[]): boolean {
  const [root, member] = chain;
  if (chain.length === 1) return root === 'dofile' || root === 'loadfile';
  if (chain.length !== 2) return false;
  if (root === 'io') return member !== 'type';
  if (root === 'os') return ['remove', 'rename', 'execute', 'tmpname', 'exit'].includes(member!);
  return root === 'package' && member === 'loadlib';
}
