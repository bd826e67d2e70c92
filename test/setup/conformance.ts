import { afterAll, expect } from 'vitest';
import { setExchangeObserver, type Exchange } from '../../src/emulator/observer.js';
import { ExchangeChecker, formatViolations, type AllowRule } from '../conformance/exchange-checker.js';
import type { SpecOracle } from '../conformance/spec-oracle.js';
import { specsAvailable } from '../conformance/spec-location.js';

// Every exchange any test has with an emulator (over HTTP or through the in-process core harness) is checked against
// the official Konnect specs once the file's tests are done; a violation fails the file. Without ../shared this does
// nothing (test/setup/specs-notice.ts says so once per run).

const CORE = '/control-planes/{controlPlaneId}/core-entities';
type Fields = Record<string, unknown>;
const fields = (value: unknown): Fields | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : undefined;

/** The request body validates once rewritten the way Konnect reads it: the gap is exactly that reading. */
const validOnceRead =
  (read: (body: Fields) => Fields | undefined) =>
  (exchange: Exchange, _errors: string[], spec: SpecOracle): boolean => {
    const body = fields(exchange.requestBody);
    const rewritten = body && read(body);
    return rewritten !== undefined && spec.validateRequest(undefined, exchange.method, exchange.path, rewritten).valid;
  };
/** `url` stands for protocol, host, port and path. */
const urlAsHost = validOnceRead(({ url, ...rest }) =>
  typeof url === 'string' && URL.canParse(url) && rest.host === undefined ? { ...rest, host: new URL(url).hostname } : undefined,
);
/** A null in a partial's config means unset. */
const nullConfigKeysUnset = validOnceRead((body) => {
  const config = fields(body.config);
  if (!config || !Object.values(config).includes(null)) return undefined;
  return { ...body, config: Object.fromEntries(Object.entries(config).filter(([, value]) => value !== null)) };
});

/** Gaps in the specs themselves, versus Konnect's documented or observed behaviour (shared/KONNECT-API.md, DECK.md). */
const ALLOWLIST: AllowRule[] = [
  ...['POST', 'PUT'].map((method) => ({
    reason: 'Service documents `url` as the write-only helper that sets protocol/host/port/path, yet requires `host`',
    side: 'request' as const,
    method,
    template: method === 'POST' ? `${CORE}/services` : `${CORE}/services/{ServiceId}`,
    when: urlAsHost,
  })),
  ...['POST', 'PUT'].map((method) => ({
    reason: 'partial configs are protobuf: Konnect takes a null as unset and drops the key (decK #2199); the spec types them non-null',
    side: 'request' as const,
    method,
    template: method === 'POST' ? `${CORE}/partials` : `${CORE}/partials/{PartialId}`,
    when: nullConfigKeysUnset,
  })),
  {
    // Both variants have only optional `name` and `private_dns_attachment_config`, so a name-only PATCH matches both.
    reason: 'PatchPrivateDnsRequest is a oneOf of two variants that any name-only body satisfies at once',
    side: 'request',
    method: 'PATCH',
    template: '/cloud-gateways/networks/{networkId}/private-dns/{privateDnsId}',
    errors: /^\/ must match exactly one schema in oneOf \{"passingSchemas":\[0,1\]\}$/,
  },
];

if (specsAvailable()) {
  const checker = new ExchangeChecker(ALLOWLIST);
  setExchangeObserver((exchange) => checker.record(exchange, expect.getState().currentTestName));
  afterAll(async () => {
    setExchangeObserver(undefined);
    if (checker.size === 0) return;
    const { oracle } = await import('../conformance/spec-oracle.js');
    const violations = checker.violations(oracle());
    if (violations.length > 0) throw new Error(formatViolations(violations));
  });
}
