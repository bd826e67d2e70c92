import type { DesiredState, LiveState } from '../model/state.js';
import { builtInAvailability, type Availability } from './availability.js';
import { checkControlPlaneGroups } from './control-plane-groups.js';
import { checkCustomPlugins } from './custom-plugin-lua.js';
import { checkDataplaneEnvironment } from './dataplane-environment.js';
import { FindingList, sortFindings, type Finding } from './finding.js';
import { checkNetworks } from './networks.js';

export type { Finding, Severity } from './finding.js';
export { availabilityFrom, builtInAvailability, type Availability } from './availability.js';

/** What the online pass adds: Konnect's availability.json for this org, and live state. */
export interface OnlineFacts {
  availability?: Availability;
  live?: LiveState;
}

/**
 * The Dedicated Cloud Gateway guard rails (README "Guard rails"): pure checks of a loaded desired state, run by
 * `validate` (offline) and before every plan (with live state and Konnect's availability.json). Sorted by place.
 */
export function runGuards(state: DesiredState, online: OnlineFacts = {}): Finding[] {
  const out = new FindingList(state);
  checkNetworks(state.entities, online.availability ?? builtInAvailability(), out, online.live?.entities);
  checkDataplaneEnvironment(state.entities, out);
  checkCustomPlugins(state, out);
  checkControlPlaneGroups(state, out, online.live);
  return sortFindings(out.findings);
}

export const errorsOf = (findings: readonly Finding[]) => findings.filter((finding) => finding.severity === 'error');
export const warningsOf = (findings: readonly Finding[]) => findings.filter((finding) => finding.severity === 'warning');
