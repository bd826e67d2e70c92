import type { ApiName } from '../kinds/descriptor.js';
import type { Geo } from '../model/state.js';

/** Cloud Gateways is global; Control Planes and Control Planes Config are regional. */
export const GLOBAL_BASE = 'https://global.api.konghq.com/v2';

/** The geo whose host the emulator's plain `/v2` also stands for (Konnect's default region). */
export const EMULATOR_PLAIN_GEO: Geo = 'us';

export function regionalBase(geo: Geo): string {
  return `https://${geo}.api.konghq.com/v2`;
}

/** Whether an API is served per geo (each geo its own host). */
export function isRegional(api: ApiName): boolean {
  return api !== 'cloud-gateways';
}

/**
 * `addr` (--konnect-addr, KONNECT_ADDR) is the emulator, which mirrors Konnect's hosts as path prefixes:
 * `${addr}/v2` is the global host and the us host, `${addr}/<geo>/v2` the host of another geo's regional APIs.
 */
export function baseUrl(api: ApiName, geo: Geo, addr?: string): string {
  if (addr !== undefined && addr !== '') {
    const root = addr.replace(/\/+$/, '').replace(/\/v2$/, '');
    return !isRegional(api) || geo === EMULATOR_PLAIN_GEO ? `${root}/v2` : `${root}/${geo}/v2`;
  }
  return isRegional(api) ? regionalBase(geo) : GLOBAL_BASE;
}
