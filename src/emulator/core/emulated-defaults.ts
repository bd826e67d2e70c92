import { KONNECT_DEFAULTS } from '../../kinds/konnect-defaults.js';
import type { JsonObject } from '../../model/json.js';

// Defaults the emulator fills (and describes at `/schemas/plugins/:name`) for bundled plugins konsync's static table
// does not know: konsync learns them from the schema endpoint, as it must from Konnect. Values are Kong's documented
// schema defaults (kong/plugins/<name>/schema.lua); required fields without a default are null.

const HTTP_PROTOCOLS = ['grpc', 'grpcs', 'http', 'https'];

function pluginDefaults(config: JsonObject): JsonObject {
  return { ...structuredClone(KONNECT_DEFAULTS.plugin ?? {}), protocols: [...HTTP_PROTOCOLS], config };
}

export const EMULATED_DEFAULTS: Record<string, JsonObject> = {
  'plugin:proxy-cache': pluginDefaults({
    cache_control: false,
    cache_ttl: 300,
    content_type: ['text/plain', 'application/json'],
    ignore_uri_case: false,
    memory: { dictionary_name: 'kong_db_cache' },
    request_method: ['GET', 'HEAD'],
    response_code: [200, 301, 404],
    response_headers: { age: true, 'X-Cache-Key': true, 'X-Cache-Status': true },
    storage_ttl: null,
    strategy: null,
    vary_headers: null,
    vary_query_params: null,
  }),
  'plugin:file-log': pluginDefaults({
    custom_fields_by_lua: null,
    path: null,
    reopen: false,
  }),
};
