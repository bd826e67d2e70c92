import { describe, expect, it } from 'vitest';
import { platformScenario } from './platform-scenario.js';
import { assertConforms } from './recording.js';
import { httpSession } from './sessions.js';
import { SPECS_MISSING, specsAvailable } from './spec-oracle.js';

const suite = specsAvailable() ? describe : describe.skip;
if (!specsAvailable()) console.warn(SPECS_MISSING);

suite('platform APIs conform to cloud-gateways.v2.yaml and control-planes.v2.yaml', () => {
  it('every request and response body of a DCGW rollout validates', async () => {
    const session = await httpSession();
    try {
      await platformScenario(session);
      expect(session.records.length).toBeGreaterThan(40);
      assertConforms(session.records);
    } finally {
      await session.stop();
    }
  });
});
