import type { FaultKind } from './faults.js';

/** One request the emulator received and what it did with it. */
export interface Exchange {
  method: string;
  /** Relative to `/v2`, without the query string (`/control-planes/abc`); the raw pathname when it lacks `/v2`. */
  path: string;
  /** Parsed JSON; undefined when there was none, it was not JSON, or it was never read (a fault answered first). */
  requestBody: unknown;
  /** 0 when nothing was computed (`reset`). */
  status: number;
  /** The body as the emulator built it; a pre-serialised string (the 429 body) stays a string. */
  responseBody: unknown;
  /**
   * Set when the answer is not the API's own: an injected fault, or `rate-limit` (the limiter's 429).
   * On `timeout` the request took effect and `status`/`responseBody` are what would have been sent.
   */
  fault?: FaultKind | 'rate-limit';
}

export type ExchangeObserver = (exchange: Exchange) => void;

let current: ExchangeObserver | undefined;

/**
 * Installs (or, with undefined, removes) the process-wide observer every running emulator reports to.
 * For tests (the spec-conformance setup): with none set the server does no extra work.
 */
export function setExchangeObserver(observer: ExchangeObserver | undefined): void {
  current = observer;
}

export function exchangeObserver(): ExchangeObserver | undefined {
  return current;
}

/** Reports to the observer, if any; an observer that throws never breaks the request. */
export function observeExchange(build: () => Exchange): void {
  if (!current) return;
  try {
    current(build());
  } catch {
    // The observer's problem, not the client's.
  }
}
