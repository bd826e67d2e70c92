// Config fields of plugins, partials and vaults that hold secrets by nature, at any depth of `config` (Kong's schemas
// mark them `encrypted`/`referenceable`: redis passwords, OIDC client secrets, vault tokens, AI provider keys).
const NAMES = [
  'password',
  'redis_password',
  'sentinel_password',
  'client_secret',
  'session_secret',
  'secret',
  'secret_id',
  'approle_secret_id',
  'token',
  'api_key',
  'header_value',
  'param_value',
  'aws_secret_access_key',
  'secret_access_key',
  'azure_client_secret',
  'gcp_service_account_json',
  'service_account',
  'private_key',
  'client_key',
  'keystore_password',
  'ldap_password',
  'bind_password',
];

export const SECRET_CONFIG_FIELDS: string[] = NAMES.map((name) => `config.**.${name}`);
