import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import { exchangeObserver, setExchangeObserver, type Exchange } from '../../src/emulator/observer.js';
import { ExchangeChecker, formatViolations, type AllowRule } from './exchange-checker.js';
import { oracle, SPECS_MISSING, specsAvailable } from './spec-oracle.js';

const suite = specsAvailable() ? describe : describe.skip;
if (!specsAvailable()) console.warn(SPECS_MISSING);

const SERVICES = '/control-planes/cp1/core-entities/services';
const service = { id: '0b0b0b0b-1111-4222-8333-444444444444', host: 'orders.internal', created_at: 1, updated_at: 1 };

function check(exchanges: Exchange[], allow: AllowRule[] = []): ReturnType<ExchangeChecker['violations']> {
  const checker = new ExchangeChecker(allow);
  for (const exchange of exchanges) checker.record(exchange);
  return checker.violations(oracle());
}

suite('the suite-wide exchange checker', () => {
  it('catches a wrong response body and reports method, path, status, errors and an excerpt', () => {
    const violations = check([{ method: 'POST', path: SERVICES, requestBody: { host: 'orders.internal' }, status: 201, responseBody: { ...service, host: 42 } }]);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ side: 'response', template: '/control-planes/{controlPlaneId}/core-entities/services' });
    const report = formatViolations(violations);
    expect(report).toContain(`POST ${SERVICES} → 201 (response body)`);
    expect(report).toContain('/host must be string');
    expect(report).toContain('"host":42');
  });

  it('holds the emulator to writeOnly: a Service never returns its `url` helper', () => {
    const violations = check([{ method: 'GET', path: `${SERVICES}/s1`, requestBody: undefined, status: 200, responseBody: { ...service, url: 'http://orders.internal' } }]);
    expect(violations).toMatchObject([{ side: 'response', errors: [expect.stringContaining('/url boolean schema is false')] }]);
  });

  it('checks request bodies only where the emulator accepted them', () => {
    const bad = { host: 7 };
    expect(check([{ method: 'POST', path: SERVICES, requestBody: bad, status: 201, responseBody: service }])).toMatchObject([{ side: 'request' }]);
    // A test proving the emulator rejects it: the 400 is the emulator's, the spec documents no core-entity 400.
    expect(check([{ method: 'POST', path: SERVICES, requestBody: bad, status: 400, responseBody: { message: 'validation error' } }])).toEqual([]);
  });

  it('checks documented error shapes', () => {
    const violations = check([{ method: 'GET', path: '/cloud-gateways/networks', requestBody: undefined, status: 401, responseBody: { oops: true } }]);
    expect(violations).toMatchObject([{ side: 'response', exchange: { status: 401 } }]);
  });

  it('skips injected faults and the limiter, but checks what a timed-out request would have answered', () => {
    const limited = { method: 'GET', path: SERVICES, requestBody: undefined, status: 429, responseBody: '{"message":"API rate limit exceeded"}' };
    expect(check([{ ...limited, fault: 'rate-limit' }, { ...limited, fault: '429' }])).toEqual([]);
    expect(check([{ method: 'GET', path: SERVICES, requestBody: undefined, status: 0, responseBody: undefined, fault: 'reset' }])).toEqual([]);
    const wrong = { method: 'POST', path: SERVICES, requestBody: { host: 'h' }, status: 201, responseBody: { host: 1 } };
    expect(check([{ ...wrong, fault: 'timeout' }])).toHaveLength(1);
  });

  it('copies bodies when recorded: a later change by the emulator does not hide a violation', () => {
    const checker = new ExchangeChecker();
    const body: Record<string, unknown> = { ...service, host: 42 };
    checker.record({ method: 'GET', path: `${SERVICES}/s1`, requestBody: undefined, status: 200, responseBody: body });
    body.host = 'fixed';
    expect(checker.violations(oracle())).toHaveLength(1);
  });

  it('allowlists only the exact operation, side and errors a rule names', () => {
    const exchange = { method: 'POST', path: SERVICES, requestBody: { url: 'http://x' }, status: 201, responseBody: service };
    const rule: AllowRule = { reason: 'test', side: 'request', method: 'POST', template: '/control-planes/{controlPlaneId}/core-entities/services', errors: /required property 'host'/ };
    expect(check([exchange], [rule])).toEqual([]);
    expect(check([exchange], [{ ...rule, method: 'PUT' }])).toHaveLength(1);
    expect(check([exchange], [{ ...rule, errors: /something else/ }])).toHaveLength(1);
    expect(check([exchange], [{ ...rule, when: () => false }])).toHaveLength(1);
  });

  it('is fed by the emulator for every exchange, faults marked', async () => {
    const seen: Exchange[] = [];
    const previous = exchangeObserver();
    const emulator = await startEmulator({ provisionMs: 0, faults: '429=1' });
    setExchangeObserver((exchange) => seen.push(exchange));
    try {
      const response = await fetch(`${emulator.url}/v2/control-planes?page[size]=1`, { headers: { authorization: `Bearer ${emulator.token}` } });
      expect(response.status).toBe(429);
    } finally {
      setExchangeObserver(previous);
      await emulator.stop();
    }
    expect(seen).toEqual([{ method: 'GET', path: '/control-planes', requestBody: undefined, status: 429, responseBody: '{"message":"API rate limit exceeded"}', fault: '429' }]);
  });
});
