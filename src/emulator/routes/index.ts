import type { Route } from '../types.js';
import type { PlatformEnv } from '../env.js';
import { controlPlaneRoutes } from './control-planes.js';
import { groupMembershipRoutes } from './group-memberships.js';
import { lookupRoutes } from './lookups.js';
import { networkRoutes } from './networks.js';
import { networkChildRoutes } from './network-children.js';
import { configurationRoutes } from './configurations.js';
import { customDomainRoutes } from './custom-domains.js';
import { addOnRoutes } from './add-ons.js';

/** Every platform route (control planes and cloud gateways); registers the async lifecycles too. */
export function platformRoutes(env: PlatformEnv): Route[] {
  return [
    ...controlPlaneRoutes(env),
    ...groupMembershipRoutes(env),
    ...lookupRoutes(env),
    ...networkRoutes(env),
    ...networkChildRoutes(env),
    ...configurationRoutes(env),
    ...customDomainRoutes(env),
    ...addOnRoutes(env),
  ];
}
