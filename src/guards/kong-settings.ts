/**
 * The Kong settings a Dedicated Cloud Gateway data plane takes as environment variables (dcgw-docs 000,
 * "Kong Gateway configuration"), each with the check Kong's own conf loader applies at startup
 * (kong/conf_loader/parse.lua and kong.conf.default): a value it refuses keeps the data planes from starting.
 * A check returns why the value is refused, or undefined.
 */
export type SettingCheck = (value: string) => string | undefined;

const list = (value: string) => value.split(',').map((item) => item.trim()).filter((item) => item !== '');

function oneOf(allowed: readonly string[], caseless = false): SettingCheck {
  const normal = (text: string) => (caseless ? text.toLowerCase() : text);
  const known = new Set(allowed.map(normal));
  return (value) => (known.has(normal(value.trim())) ? undefined : `must be one of ${allowed.join(', ')}`);
}

function listOf(allowed: readonly string[], caseless = false): SettingCheck {
  const normal = (text: string) => (caseless ? text.toLowerCase() : text);
  const known = new Set(allowed.map(normal));
  return (value) => {
    const items = list(value);
    const bad = items.find((item) => !known.has(normal(item)));
    if (bad !== undefined) return `"${bad}" is not one of ${allowed.join(', ')}`;
    if (items.length > 1 && items.includes('off')) return '"off" cannot be combined with other values';
    return undefined;
  };
}

/** Kong booleans: `on`/`off` (and `true`/`false`). */
const flag = oneOf(['on', 'off', 'true', 'false']);

const rate: SettingCheck = (value) => {
  const number = Number(value.trim());
  return value.trim() !== '' && Number.isFinite(number) && number >= 0 && number <= 1 ? undefined : 'must be a number from 0 to 1';
};

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(\/(\d{1,2}))?$/;
function isIpOrCidr(text: string): boolean {
  const v4 = IPV4.exec(text);
  if (v4) return v4.slice(1, 5).every((octet) => Number(octet) <= 255) && (v4[6] === undefined || Number(v4[6]) <= 32);
  const [address, prefix, ...rest] = text.split('/');
  if (rest.length > 0 || address === undefined || !/^[0-9a-fA-F:.]+$/.test(address) || !address.includes(':')) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= 128);
}
const trustedIps: SettingCheck = (value) => {
  const bad = list(value).find((item) => item !== 'unix:' && !isIpOrCidr(item));
  return bad === undefined ? undefined : `"${bad}" is not an IPv4 or IPv6 address or CIDR block (or unix:)`;
};

const token: SettingCheck = (value) => (/^[A-Za-z0-9_-]+$/.test(value.trim()) ? undefined : 'must be a header name or proxy_protocol');
const anyValue: SettingCheck = () => undefined;
const moduleList: SettingCheck = (value) => {
  const bad = list(value).find((name) => !/^[A-Za-z0-9_.-]+$/.test(name));
  return bad === undefined ? undefined : `"${bad}" is not a Lua module name`;
};

const LOG_LEVELS = ['debug', 'info', 'notice', 'warn', 'error', 'crit', 'alert', 'emerg'];
const TRACING_TYPES = ['off', 'all', 'request', 'db_query', 'dns_query', 'router', 'http_client', 'balancer', 'plugin_rewrite', 'plugin_access', 'plugin_header_filter'];
const RESPONSE_HEADERS = [
  'off', 'server_tokens', 'latency_tokens', 'Server', 'Via', 'X-Kong-Upstream-Latency', 'X-Kong-Proxy-Latency',
  'X-Kong-Response-Latency', 'X-Kong-Admin-Latency', 'X-Kong-Upstream-Status', 'X-Kong-Request-Id',
];
/** The DCGW docs: "At this time, the only accepted value is X-Kong-Request-Id", or `off`. */
const upstreamHeaders = listOf(['X-Kong-Request-Id', 'off'], true);

/** Setting name (lower case, without `KONG_`) → its value check. */
export const DCGW_SETTINGS: Readonly<Record<string, SettingCheck>> = {
  log_level: oneOf(LOG_LEVELS),
  request_debug_token: anyValue,
  tracing_instrumentations: listOf(TRACING_TYPES),
  tracing_sampling_rate: rate,
  untrusted_lua_sandbox_requires: moduleList,
  allow_debug_header: flag,
  // The docs table says header_upstream; Kong's setting is headers_upstream. Both are checked alike.
  header_upstream: upstreamHeaders,
  headers_upstream: upstreamHeaders,
  server_tokens: flag,
  latency_tokens: flag,
  real_ip_recursive: flag,
  real_ip_header: token,
  headers: listOf(RESPONSE_HEADERS, true),
  trusted_ips: trustedIps,
};
