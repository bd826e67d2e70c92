import type { KindDescriptor } from './descriptor.js';
import { KIND_NAMES, type KindName } from './kind-names.js';
import { providerAccount } from './platform/provider-account.js';
import { controlPlane } from './platform/control-plane.js';
import { controlPlaneMembership } from './platform/control-plane-membership.js';
import { network } from './platform/network.js';
import { transitGateway } from './platform/transit-gateway.js';
import { privateDns } from './platform/private-dns.js';
import { configuration } from './platform/configuration.js';
import { customDomain } from './platform/custom-domain.js';
import { addOn } from './platform/add-on.js';
import { vault } from './gateway/vault.js';
import { certificate } from './gateway/certificate.js';
import { sni } from './gateway/sni.js';
import { caCertificate } from './gateway/ca-certificate.js';
import { keySet } from './gateway/key-set.js';
import { key } from './gateway/key.js';
import { customPlugin } from './gateway/custom-plugin.js';
import { partial } from './gateway/partial.js';
import { service } from './gateway/service.js';
import { route } from './gateway/route.js';
import { upstream } from './gateway/upstream.js';
import { target } from './gateway/target.js';
import { degraphqlRoute } from './gateway/degraphql-route.js';
import { graphqlCostDecoration } from './gateway/graphql-cost-decoration.js';
import { consumerGroup } from './gateway/consumer-group.js';
import { consumer } from './gateway/consumer.js';
import { consumerGroupMember } from './gateway/consumer-group-member.js';
import { keyAuth } from './gateway/key-auth.js';
import { basicAuth } from './gateway/basic-auth.js';
import { acl } from './gateway/acl.js';
import { jwtSecret } from './gateway/jwt-secret.js';
import { hmacAuth } from './gateway/hmac-auth.js';
import { mtlsAuth } from './gateway/mtls-auth.js';
import { plugin } from './gateway/plugin.js';

/** Every kind's descriptor, one file each. `satisfies` makes a kind missing here a compile error. */
export const KINDS = {
  provider_account: providerAccount,
  control_plane: controlPlane,
  control_plane_membership: controlPlaneMembership,
  network,
  transit_gateway: transitGateway,
  private_dns: privateDns,
  configuration,
  custom_domain: customDomain,
  add_on: addOn,
  vault,
  certificate,
  sni,
  ca_certificate: caCertificate,
  key_set: keySet,
  key,
  custom_plugin: customPlugin,
  partial,
  service,
  route,
  upstream,
  target,
  degraphql_route: degraphqlRoute,
  graphql_cost_decoration: graphqlCostDecoration,
  consumer_group: consumerGroup,
  consumer,
  consumer_group_member: consumerGroupMember,
  key_auth: keyAuth,
  basic_auth: basicAuth,
  acl,
  jwt_secret: jwtSecret,
  hmac_auth: hmacAuth,
  mtls_auth: mtlsAuth,
  plugin,
} satisfies Record<KindName, KindDescriptor>;

export function kindOf(kind: KindName): KindDescriptor {
  return KINDS[kind];
}

/** Descriptors in KIND_NAMES order (referenced kinds before referrers). */
export const ALL_KINDS: readonly KindDescriptor[] = KIND_NAMES.map((name) => KINDS[name]);

export const GATEWAY_KINDS = ALL_KINDS.filter((kind) => kind.scope === 'control_plane');
export const PLATFORM_KINDS = ALL_KINDS.filter((kind) => kind.scope === 'org');

export type { KindName };
