import type { ApiName } from '../kinds/descriptor.js';
import type { Geo } from '../model/state.js';

/** Cloud Gateways is global; Control Planes and Control Planes Config are regional. */
export const GLOBAL_BASE = 'https://global.api.konghq.com/v2';

export function regionalBase(geo: Geo): string {
  return `https://${geo}.api.konghq.com/v2`;
}

/** `addr` (--konnect-addr, KONNECT_ADDR) replaces every base with `${addr}/v2`: that is how the emulator is reached. */
export function baseUrl(api: ApiName, geo: Geo, addr?: string): string {
  if (addr !== undefined && addr !== '') {
    const trimmed = addr.replace(/\/+$/, '');
    return trimmed.endsWith('/v2') ? trimmed : `${trimmed}/v2`;
  }
  return api === 'cloud-gateways' ? GLOBAL_BASE : regionalBase(geo);
}
