import { KONNECT_DEFAULTS } from '../konnect-defaults.js';

// The one table of plugin names Konnect accepts without a custom plugin: the loader's `validate` and the emulator both
// read it. Names with a static defaults entry (`plugin:<name>`) are part of it by construction.

/** Plugins bundled with Kong Gateway (OSS and Enterprise) that Konnect accepts without a custom plugin. */
const BUNDLED = [
  'acl', 'acme', 'ai-azure-content-safety', 'ai-prompt-decorator', 'ai-prompt-guard', 'ai-prompt-template', 'ai-proxy',
  'ai-proxy-advanced', 'ai-rate-limiting-advanced', 'ai-request-transformer', 'ai-response-transformer',
  'ai-semantic-cache', 'ai-semantic-prompt-guard', 'app-dynamics', 'aws-lambda', 'azure-functions', 'basic-auth',
  'bot-detection', 'canary', 'confluent', 'correlation-id', 'cors', 'datadog', 'degraphql', 'exit-transformer',
  'file-log', 'forward-proxy', 'graphql-proxy-cache-advanced', 'graphql-rate-limiting-advanced', 'grpc-gateway',
  'grpc-web', 'header-cert-auth', 'hmac-auth', 'http-log', 'injection-protection', 'ip-restriction', 'jq',
  'json-threat-protection', 'jwe-decrypt', 'jwt', 'jwt-signer', 'kafka-log', 'kafka-upstream', 'key-auth',
  'key-auth-enc', 'ldap-auth', 'ldap-auth-advanced', 'loggly', 'mocking', 'mtls-auth', 'oas-validation', 'oauth2',
  'oauth2-introspection', 'opa', 'openid-connect', 'opentelemetry', 'post-function', 'pre-function', 'prometheus',
  'proxy-cache', 'proxy-cache-advanced', 'rate-limiting', 'rate-limiting-advanced', 'redirect', 'request-callout',
  'request-size-limiting', 'request-termination', 'request-transformer', 'request-transformer-advanced',
  'request-validator', 'response-ratelimiting', 'response-transformer', 'response-transformer-advanced',
  'route-by-header', 'route-transformer-advanced', 'saml', 'session', 'solace-upstream', 'standard-webhooks',
  'statsd', 'statsd-advanced', 'syslog', 'tcp-log', 'tls-handshake-modifier', 'tls-metadata-headers', 'udp-log',
  'upstream-oauth', 'upstream-timeout', 'vault-auth', 'websocket-size-limit', 'websocket-validator',
  'xml-threat-protection', 'zipkin',
];

export const BUNDLED_PLUGINS: ReadonlySet<string> = new Set([
  ...BUNDLED,
  ...Object.keys(KONNECT_DEFAULTS).filter((key) => key.startsWith('plugin:')).map((key) => key.slice('plugin:'.length)),
]);
