import type { EmuResponse, EmulatorContext } from './types.js';
import type { JsonObject } from '../model/json.js';

/**
 * The data planes' own health endpoint, `https://<hostname>/___konnect/healthz` in Konnect (dcgw-docs 000 FAQ),
 * served here at `/_dataplanes/<hostname>/___konnect/healthz` since every hostname points at this one server:
 * 200 while the data plane group with that hostname is ready, 503 while it is not (or switched unhealthy), 404 for a
 * hostname no group has. Not part of Konnect's API: no rate limit, no faults, no token.
 */
const HEALTHZ = /^\/_dataplanes\/([^/]+)\/___konnect\/healthz$/;
/** The fault switch: `PUT` makes a data plane unhealthy, `DELETE` makes it healthy again. */
const SWITCH = /^\/_emulator\/unhealthy\/([^/]+)$/;

function groupWithHostname(ctx: EmulatorContext, hostname: string): JsonObject | undefined {
  for (const configuration of Object.values(ctx.data.configurations)) {
    const groups = Array.isArray(configuration.dataplane_groups) ? (configuration.dataplane_groups as JsonObject[]) : [];
    const found = groups.find((group) => Array.isArray(group.hostnames) && group.hostnames.includes(hostname));
    if (found) return found;
  }
  return undefined;
}

const text = (status: number, body: string): EmuResponse => ({ status, headers: { 'content-type': 'text/plain' }, body });

/** The answer for a data plane path, or undefined when `pathname` is not one. */
export function dataPlaneResponse(ctx: EmulatorContext, method: string, pathname: string, unhealthy: Set<string>): EmuResponse | undefined {
  const health = HEALTHZ.exec(pathname);
  if (health && method === 'GET') {
    const hostname = decodeURIComponent(health[1]!);
    const group = groupWithHostname(ctx, hostname);
    if (!group) return text(404, 'no data plane has this hostname');
    if (group.state !== 'ready' || unhealthy.has(hostname)) return text(503, 'unavailable');
    return text(200, 'ok');
  }
  const toggle = SWITCH.exec(pathname);
  if (toggle && (method === 'PUT' || method === 'DELETE')) {
    const hostname = decodeURIComponent(toggle[1]!);
    if (method === 'PUT') unhealthy.add(hostname);
    else unhealthy.delete(hostname);
    return { status: 204 };
  }
  return undefined;
}
