import { describe, expect, it } from 'vitest';
import { DCGW_SETTINGS } from '../../src/guards/kong-settings.js';
import { brief, findingsOf } from './helpers.js';

describe('data plane environment guard rails', () => {
  it('checks documented settings by value, warns about others and about static autoscaling', async () => {
    const findings = await findingsOf(['environment-bad.yaml']);
    expect(findings.every((finding) => finding.file === 'test/guards/fixtures/environment-bad.yaml')).toBe(true);
    const group = 'cloud_gateways.configurations[0].dataplane_groups[0]';
    expect(findings.map(brief)).toEqual([
      `11:24 warning autoscale.static-deprecated ${group}.autoscale.kind: static autoscaling is deprecated; use kind: autopilot with base_rps`,
      `13:17 warning environment.managed ${group}.environment[0].name: KONG_DATABASE is managed by Konnect on Dedicated Cloud Gateways (data planes run DB-less, role data_plane); setting it breaks them or is ignored`,
      `14:45 error environment.value ${group}.environment[1].value: KONG_HEADER_UPSTREAM=Server: "Server" is not one of X-Kong-Request-Id, off`,
      `15:51 error environment.value ${group}.environment[2].value: KONG_TRACING_SAMPLING_RATE=5: must be a number from 0 to 1`,
      `16:39 error environment.value ${group}.environment[3].value: KONG_LOG_LEVEL=verbose: must be one of debug, info, notice, warn, error, crit, alert, emerg`,
      `17:48 error environment.value ${group}.environment[4].value: KONG_ALLOW_DEBUG_HEADER=maybe: must be one of on, off, true, false`,
      `18:54 error environment.value ${group}.environment[5].value: KONG_TRACING_INSTRUMENTATIONS=off,router: "off" cannot be combined with other values`,
      `19:37 error environment.value ${group}.environment[6].value: KONG_HEADERS=Server,X-Powered-By: "X-Powered-By" is not one of off, server_tokens, latency_tokens, Server, Via, X-Kong-Upstream-Latency, X-Kong-Proxy-Latency, X-Kong-Response-Latency, X-Kong-Admin-Latency, X-Kong-Upstream-Status, X-Kong-Request-Id`,
      `20:41 error environment.value ${group}.environment[7].value: KONG_TRUSTED_IPS=10.0.0.0/8,not-an-ip: "not-an-ip" is not an IPv4 or IPv6 address or CIDR block (or unix:)`,
      `21:17 warning environment.unknown ${group}.environment[8].name: KONG_NGINX_WORKER_PROCESSES is not a documented Dedicated Cloud Gateway setting; Konnect may ignore it`,
    ]);
  });

  it('accepts every documented setting with a valid value, and OTEL_ variables', async () => {
    expect(await findingsOf(['environment-good.yaml'])).toEqual([]);
  });

  it('covers exactly the settings the DCGW reference lists (plus Kong\'s headers_upstream spelling)', () => {
    expect(Object.keys(DCGW_SETTINGS).sort()).toEqual(
      [
        'log_level', 'request_debug_token', 'tracing_instrumentations', 'tracing_sampling_rate', 'untrusted_lua_sandbox_requires',
        'allow_debug_header', 'header_upstream', 'headers_upstream', 'server_tokens', 'latency_tokens', 'real_ip_recursive',
        'real_ip_header', 'headers', 'trusted_ips',
      ].sort(),
    );
  });

  it.each([
    ['tracing_sampling_rate', '0', undefined],
    ['tracing_sampling_rate', '1', undefined],
    ['tracing_sampling_rate', '-0.1', 'must be a number from 0 to 1'],
    ['tracing_sampling_rate', 'half', 'must be a number from 0 to 1'],
    ['header_upstream', 'off', undefined],
    ['header_upstream', 'x-kong-request-id', undefined],
    ['real_ip_header', 'proxy_protocol', undefined],
    ['real_ip_header', 'X Forwarded', 'must be a header name or proxy_protocol'],
    ['trusted_ips', 'unix:,2001:db8::/32', undefined],
    ['trusted_ips', '10.0.0.0/33', '"10.0.0.0/33" is not an IPv4 or IPv6 address or CIDR block (or unix:)'],
    ['untrusted_lua_sandbox_requires', 'resty.template, kong.pdk', undefined],
    ['untrusted_lua_sandbox_requires', 'a b', '"a b" is not a Lua module name'],
  ])('%s=%s', (setting, value, reason) => {
    expect(DCGW_SETTINGS[setting]!(value)).toBe(reason);
  });
});
