import type { KonnectApi } from '../konnect/types.js';
import type { LiveState } from '../model/state.js';
import { isJsonObject } from '../model/json.js';
import { checkCaa, checkCnames, type DnsResolver } from './dns-check.js';
import { controlPlaneNames, estateFromLive, readGroupStatus, type EstateStatus } from './estate.js';
import type { HealthProbe } from './health.js';
import type { Geo } from '../model/state.js';

export interface ProbeOptions {
  api: KonnectApi;
  /** Data plane health; none: not probed. */
  probe?: HealthProbe;
  /** `--check-dns`: public DNS checks of every custom domain. */
  resolver?: DnsResolver;
  signal?: AbortSignal;
  /** The geo of live entities that carry none: given, rows name their geo when the estate spans several. */
  defaultGeo?: Geo;
}

/**
 * The estate with what live state alone does not say: group status and custom-domain online status (Konnect, through
 * the client's scheduler), data plane health and DNS (when asked).
 */
export async function collectEstate(live: LiveState, options: ProbeOptions, only?: ReadonlySet<string>): Promise<EstateStatus> {
  const estate = estateFromLive(live, only, options.defaultGeo);
  const names = controlPlaneNames(live);
  const signal = options.signal ? { signal: options.signal } : {};
  const groupReads = estate.groups.map(async (group) => {
    if (group.id === undefined) return;
    const response = await options.api.request({ api: 'control-planes', method: 'GET', path: `/control-planes/${group.id}/group-status`, describe: `group status of "${group.controlPlane}"`, ...(group.geo ? { geo: group.geo } : {}), ...signal });
    Object.assign(group, readGroupStatus(response.body, names));
  });
  const domainReads = estate.customDomains.map(async (domain) => {
    if (domain.id !== undefined && domain.state === 'ready') {
      const response = await options.api.request({ api: 'cloud-gateways', method: 'GET', path: `/cloud-gateways/custom-domains/${domain.id}/online-status`, describe: `online status of "${domain.domain}"`, ...signal });
      const body = isJsonObject(response.body) ? response.body : {};
      domain.online = { cname: String(body.cname ?? 'unknown'), ssl: String(body.ssl ?? 'unknown') };
    }
    if (options.resolver) {
      domain.dns = { caa: await checkCaa(domain.domain, options.resolver), cnames: await checkCnames(domain.records, options.resolver) };
    }
  });
  const probes = estate.configurations.flatMap((configuration) =>
    configuration.dataPlaneGroups.map(async (group) => {
      const hostname = group.hostnames[0];
      if (!options.probe || hostname === undefined || group.state !== 'ready') return;
      group.health = await options.probe(hostname);
    }),
  );
  await Promise.all([...groupReads, ...domainReads, ...probes]);
  return estate;
}
