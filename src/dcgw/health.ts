/** Kong's data plane health endpoint (dcgw-docs 000 FAQ): 200 when the gateway process is up. */
export const DEFAULT_HEALTHZ_URL = 'https://{hostname}/___konnect/healthz';

/** Up or not, with why when not. */
export interface Health {
  up: boolean;
  detail?: string;
}

export type HealthProbe = (hostname: string) => Promise<Health>;

/**
 * Probes `template` with `{hostname}` filled in (default: the real endpoint; the emulator serves
 * `<its url>/_dataplanes/{hostname}/___konnect/healthz`). One bounded request per hostname.
 */
export function httpProbe(template: string = DEFAULT_HEALTHZ_URL, timeoutMs = 5000): HealthProbe {
  return async (hostname) => {
    const url = template.replace('{hostname}', encodeURIComponent(hostname));
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
      await response.body?.cancel();
      return response.status === 200 ? { up: true } : { up: false, detail: `HTTP ${response.status}` };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return { up: false, detail: cause ?? (error instanceof Error ? error.name : String(error)) };
    }
  };
}
