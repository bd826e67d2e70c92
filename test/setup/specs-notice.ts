import { SPECS_MISSING, specsAvailable } from '../conformance/spec-location.js';

/** Global setup: says once per run that the suite-wide spec check (test/setup/conformance.ts) is off. */
export default function notice(): void {
  if (!specsAvailable()) console.warn(`${SPECS_MISSING} (and the suite-wide exchange check is off)`);
}
