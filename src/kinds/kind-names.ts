/** Every kind konsync knows. Adding a kind: a name here, a descriptor file, a registry line, its schema section. */
export const KIND_NAMES = [
  // platform (org-level)
  'provider_account',
  'control_plane',
  'control_plane_membership',
  'network',
  'transit_gateway',
  'private_dns',
  'configuration',
  'custom_domain',
  'add_on',
  // gateway entities (scoped to a control plane)
  'vault',
  'certificate',
  'sni',
  'ca_certificate',
  'custom_plugin',
  'partial',
  'service',
  'route',
  'upstream',
  'target',
  'consumer_group',
  'consumer',
  'consumer_group_member',
  'key_auth',
  'basic_auth',
  'acl',
  'jwt_secret',
  'hmac_auth',
  'plugin',
] as const;

export type KindName = (typeof KIND_NAMES)[number];
