import type { Exchange } from '../../src/emulator/observer.js';
import type { SpecOracle } from './spec-oracle.js';

/** An exchange as observed during a test, its bodies copied at that moment (the emulator may mutate what it returned). */
export interface Observed extends Exchange {
  test?: string;
}

export interface ExchangeViolation {
  exchange: Observed;
  side: 'request' | 'response';
  template?: string;
  errors: string[];
}

/** A known gap in the spec itself (not in konsync or the emulator): one operation, one side, a reason. */
export interface AllowRule {
  reason: string;
  side: 'request' | 'response';
  method: string;
  /** The spec's path template, e.g. `/control-planes/{controlPlaneId}/core-entities/routes`. */
  template: string;
  status?: number;
  /** Every ajv error of the exchange must match; leave out only when the whole body shape is undocumented. */
  errors?: RegExp;
  /** Narrows further, on the exchange and its errors (e.g. only bodies using the shorthand the spec omits). */
  when?: (exchange: Exchange, errors: string[], spec: SpecOracle) => boolean;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH']);
const is2xx = (status: number): boolean => status >= 200 && status < 300;

/**
 * Checks emulator exchanges against the official specs:
 * - request bodies of writes the emulator accepted (2xx): a body it took must be spec-valid, while tests that send
 *   invalid bodies on purpose get a 4xx and are not the client's doing;
 * - every response body the spec declares a schema for at that status (2xx and error shapes alike);
 * - not injected faults or the limiter's 429 (`{"message":"API rate limit exceeded"}` is Konnect's real but
 *   undocumented body); a `timeout` took effect, so its would-be answer is checked.
 */
export class ExchangeChecker {
  private readonly pending: Observed[] = [];

  constructor(private readonly allow: readonly AllowRule[] = []) {}

  /** Cheap: a copy now, validation later (so observing does not slow the emulator mid-test). */
  record(exchange: Exchange, test?: string): void {
    if (exchange.fault !== undefined && exchange.fault !== 'timeout') return;
    this.pending.push({
      ...exchange,
      requestBody: structuredClone(exchange.requestBody),
      responseBody: structuredClone(exchange.responseBody),
      ...(test !== undefined ? { test } : {}),
    });
  }

  get size(): number {
    return this.pending.length;
  }

  /** The oracle is passed in, so a file that never talked to an emulator never loads the specs. */
  violations(spec: SpecOracle): ExchangeViolation[] {
    const found: ExchangeViolation[] = [];
    for (const exchange of this.pending) {
      const { method, path, status } = exchange;
      const template = spec.findOperation(method, path)?.template;
      const flag = (side: ExchangeViolation['side'], errors: string[]): void => {
        if (this.allow.some((rule) => allowed(rule, spec, exchange, side, template, errors))) return;
        found.push({ exchange, side, errors, ...(template !== undefined ? { template } : {}) });
      };
      if (WRITES.has(method) && is2xx(status) && exchange.requestBody !== undefined) {
        const verdict = spec.validateRequest(undefined, method, path, exchange.requestBody);
        if (!verdict.valid) flag('request', verdict.errors);
      }
      const verdict = spec.validateResponse(undefined, method, path, status, exchange.responseBody);
      // Undocumented: an error status the spec has no words for (core-entity 400/404/409) or a path outside the specs.
      if (!verdict.valid && (verdict.documented || is2xx(status))) flag('response', verdict.errors);
    }
    return found;
  }
}

function allowed(rule: AllowRule, spec: SpecOracle, exchange: Observed, side: ExchangeViolation['side'], template: string | undefined, errors: string[]): boolean {
  if (rule.side !== side || rule.method !== exchange.method || rule.template !== template) return false;
  if (rule.status !== undefined && rule.status !== exchange.status) return false;
  if (rule.errors !== undefined && !errors.every((error) => rule.errors?.test(error))) return false;
  return rule.when === undefined || rule.when(exchange, errors, spec);
}

const excerpt = (body: unknown): string => {
  const text = typeof body === 'string' ? body : JSON.stringify(body) ?? 'undefined';
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
};

/** One paragraph per distinct problem (same side, operation, status and errors), with how often it happened. */
export function formatViolations(violations: ExchangeViolation[]): string {
  const groups = new Map<string, { first: ExchangeViolation; count: number }>();
  for (const violation of violations) {
    const { exchange, side, template, errors } = violation;
    const key = [side, exchange.method, template ?? exchange.path, exchange.status, ...errors].join('|');
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { first: violation, count: 1 });
  }
  const lines = [...groups.values()].map(({ first: { exchange, side, errors }, count }) =>
    [
      `${exchange.method} ${exchange.path} → ${exchange.status} (${side} body)${count > 1 ? ` ×${count}` : ''}${exchange.test ? ` in "${exchange.test}"` : ''}`,
      ...errors.slice(0, 6).map((error) => `    ${error}`),
      `    body: ${excerpt(side === 'request' ? exchange.requestBody : exchange.responseBody)}`,
    ].join('\n'),
  );
  return `${violations.length} emulator exchange(s) do not match the official Konnect specs:\n${lines.join('\n')}`;
}
