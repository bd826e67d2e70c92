import type { Entity } from '../model/entity.js';
import { isJsonObject } from '../model/json.js';
import type { FindingList } from './finding.js';
import { DCGW_SETTINGS } from './kong-settings.js';

/** Settings Konnect runs the data planes with itself; one set by hand breaks them or is overridden. */
const MANAGED = new Set(['database', 'role', 'cluster_control_plane', 'cluster_telemetry_endpoint', 'cluster_cert', 'cluster_cert_key', 'cluster_mtls', 'proxy_listen', 'admin_listen', 'prefix']);

/**
 * Data plane group settings (dcgw-docs 000 "Kong Gateway configuration"; cloud-gateways.v2.yaml for names, lengths
 * and autoscale): documented settings checked by value, others warned about; static autoscale and max_rps deprecated.
 * Names, lengths, base_rps ≥ 1 are the JSON Schema's; duplicates the configuration's own check.
 */
export function checkDataplaneEnvironment(entities: readonly Entity[], out: FindingList): void {
  for (const configuration of entities.filter((entity) => entity.kind === 'configuration')) {
    const groups = Array.isArray(configuration.fields.dataplane_groups) ? configuration.fields.dataplane_groups : [];
    groups.forEach((group, g) => {
      if (!isJsonObject(group)) return;
      const autoscale = isJsonObject(group.autoscale) ? group.autoscale : undefined;
      if (autoscale?.kind === 'static') {
        out.at(configuration, ['dataplane_groups', g, 'autoscale', 'kind'], 'warning', 'autoscale.static-deprecated', 'static autoscaling is deprecated; use kind: autopilot with base_rps');
      }
      if (autoscale?.max_rps !== undefined) {
        out.at(configuration, ['dataplane_groups', g, 'autoscale', 'max_rps'], 'warning', 'autoscale.max-rps-deprecated', 'max_rps is deprecated: Konnect sets it to 10 × base_rps');
      }
      const environment = Array.isArray(group.environment) ? group.environment : [];
      environment.forEach((variable, i) => {
        if (!isJsonObject(variable) || typeof variable.name !== 'string' || typeof variable.value !== 'string') return;
        const at = ['dataplane_groups', g, 'environment', i];
        if (!variable.name.startsWith('KONG_')) return;
        const setting = variable.name.slice('KONG_'.length).toLowerCase();
        const check = DCGW_SETTINGS[setting];
        if (check) {
          const reason = check(variable.value);
          if (reason) out.at(configuration, [...at, 'value'], 'error', 'environment.value', `${variable.name}=${variable.value}: ${reason}`);
        } else if (MANAGED.has(setting)) {
          out.at(configuration, [...at, 'name'], 'warning', 'environment.managed', `${variable.name} is managed by Konnect on Dedicated Cloud Gateways (data planes run DB-less, role data_plane); setting it breaks them or is ignored`);
        } else {
          out.at(configuration, [...at, 'name'], 'warning', 'environment.unknown', `${variable.name} is not a documented Dedicated Cloud Gateway setting; Konnect may ignore it`, `documented: ${Object.keys(DCGW_SETTINGS).map((name) => `KONG_${name.toUpperCase()}`).join(', ')}`);
        }
      });
    });
  }
}
