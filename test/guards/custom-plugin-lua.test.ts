import { describe, expect, it } from 'vitest';
import { brief, findingsOf } from './helpers.js';

describe('custom plugin guard rails (Lua AST)', () => {
  it('names the Lua line and the YAML line holding it for inline code', async () => {
    const findings = (await findingsOf(['plugins-bad.yaml'])).filter((finding) => finding.file === 'test/guards/fixtures/plugins-bad.yaml');
    const handler = 'custom_plugins[0].handler';
    const schema = 'custom_plugins[0].schema';
    expect(findings.map(brief)).toEqual([
      `9:22 error custom-plugin.require ${handler}: handler.lua line 1: require("kong.plugins.other.helper"): a streamed plugin is handler.lua and schema.lua only; it cannot load another plugin's internals (other)`,
      `11:7 error custom-plugin.init-worker ${handler}: handler.lua line 3: init_worker: plugins streamed to Dedicated Cloud Gateways cannot run in the init_worker phase`,
      `12:9 error custom-plugin.timer ${handler}: handler.lua line 4: ngx.timer: plugins streamed to Dedicated Cloud Gateways cannot set timers`,
      `15:21 error custom-plugin.dao-api-migrations ${handler}: handler.lua line 7: kong.db.services.insert: streamed plugins cannot use the database layer (only the sandbox's read-only select/cache_key lookups)`,
      `16:19 error custom-plugin.filesystem ${handler}: handler.lua line 8: io.open: plugins cannot read or write the data plane's filesystem or run processes`,
      `17:9 error custom-plugin.filesystem ${handler}: handler.lua line 9: os.remove: plugins cannot read or write the data plane's filesystem or run processes`,
      `18:21 error custom-plugin.require ${handler}: handler.lua line 10: require("lfs"): custom modules cannot be required on Dedicated Cloud Gateways (only Kong's sandbox allowlist and KONG_UNTRUSTED_LUA_SANDBOX_REQUIRES)`,
      `19:20 warning custom-plugin.require ${handler}: handler.lua line 11: require("pl.path") is not in the plugin sandbox's handler allowlist; it fails when sandboxing is on (add it to KONG_UNTRUSTED_LUA_SANDBOX_REQUIRES)`,
      `25:9 error custom-plugin.name ${schema}: schema.lua line 3: schema.lua names the plugin "header-stamper", but it is uploaded as "header-stamp": the two must be identical`,
      `28:43 error custom-plugin.schema-validation ${schema}: schema.lua line 6: custom_validator: custom validation must be implemented in handler.lua, not schema.lua`,
      `32:13 error custom-plugin.schema-validation ${schema}: schema.lua line 10: custom_entity_check: custom validation must be implemented in handler.lua, not schema.lua`,
      `32:72 error custom-plugin.schema-validation ${schema}: schema.lua line 10: a function in entity_checks: custom validation must be implemented in handler.lua, not schema.lua`,
    ]);
  });

  it('points into a handler_file, and names the YAML line that references it', async () => {
    const findings = (await findingsOf(['plugins-bad.yaml'])).filter((finding) => finding.file !== 'test/guards/fixtures/plugins-bad.yaml');
    expect(findings).toEqual([
      {
        severity: 'error',
        rule: 'custom-plugin.timer',
        file: 'test/guards/fixtures/plugin-files/handler.lua',
        line: 4,
        column: 3,
        path: 'custom_plugins[1].handler_file',
        message: 'handler.lua line 4 (handler_file at test/guards/fixtures/plugins-bad.yaml:36): kong.timer: plugins streamed to Dedicated Cloud Gateways cannot set timers',
      },
    ]);
  });

  it("accepts the sandbox's modules, read-only kong.db lookups, io.type, a schema name from a local table, and modules KONG_UNTRUSTED_LUA_SANDBOX_REQUIRES adds", async () => {
    expect(await findingsOf(['plugins-good.yaml', 'plugins-good-platform.yaml'])).toEqual([]);
  });

  it('without KONG_UNTRUSTED_LUA_SANDBOX_REQUIRES, a platform module outside the allowlist is a warning', async () => {
    const findings = await findingsOf(['plugins-good.yaml']);
    expect(findings.map(brief)).toEqual([
      `10:24 warning custom-plugin.require custom_plugins[0].handler: handler.lua line 2: require("resty.template") is not in the plugin sandbox's handler allowlist; it fails when sandboxing is on (add it to KONG_UNTRUSTED_LUA_SANDBOX_REQUIRES)`,
    ]);
  });

  it('kong.db passed around cannot be checked: a warning, not an error', async () => {
    expect((await findingsOf(['plugins-indirect-db.yaml'])).map(brief)).toEqual([
      '11:20 warning custom-plugin.dao-api-migrations custom_plugins[0].handler: handler.lua line 3: kong.db used indirectly: streamed plugins may only call the sandbox\'s read-only select/cache_key lookups (kong.db.<entity>:select...)',
    ]);
  });

  it("the repository's payments-audit example plugin passes", async () => {
    const { loadState } = await import('../../src/state/load/index.js');
    const { runGuards } = await import('../../src/guards/index.js');
    const state = await loadState(['fixtures/platform.yaml', 'fixtures/shared-redis.yaml', 'fixtures/payments'], { env: {}, envMode: 'mock' });
    expect(runGuards(state).filter((finding) => finding.rule.startsWith('custom-plugin'))).toEqual([]);
  });
});
