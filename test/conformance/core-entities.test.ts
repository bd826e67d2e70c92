import { describe, expect, it } from 'vitest';
import { coreScenario } from './core-scenario.js';
import { assertConforms, conformanceViolations } from './recording.js';
import { directSession, httpSession, type Session } from './sessions.js';
import { SPECS_MISSING, specsAvailable, validateResponse } from './spec-oracle.js';

const suite = specsAvailable() ? describe : describe.skip;
if (!specsAvailable()) console.warn(SPECS_MISSING);

suite('core-entities conform to control-planes-config.v2.yaml', () => {
  it.each([
    ['in-process', async () => directSession()],
    ['over HTTP (startEmulator)', httpSession],
  ] as [string, () => Promise<Session>][])('every request and response body validates (%s)', async (_name, open) => {
    const session = await open();
    try {
      await coreScenario(session);
      expect(session.records.length).toBeGreaterThan(60);
      assertConforms(session.records);
    } finally {
      await session.stop();
    }
  });

  it('catches a body that breaks the spec (the oracle is not vacuous)', () => {
    const path = '/v2/control-planes/0b0b0b0b-1111-4222-8333-444444444444/core-entities/services/x';
    expect(validateResponse('control-planes-config', 'GET', path, 200, { host: 'h', port: 'eighty' }).valid).toBe(false);
    expect(validateResponse('control-planes-config', 'GET', path, 200, { host: 'h', port: null, colour: 'red' }).valid).toBe(false);
    expect(validateResponse('control-planes-config', 'GET', path, 200, { host: 'h', port: null, path: null }).valid).toBe(true);
    const records = [{ method: 'POST', path: path.replace('/x', ''), requestBody: { port: 80 }, status: 201, responseBody: { host: 'h' } }];
    expect(conformanceViolations(records).map((v) => v.side)).toEqual(['request']);
  });
});
