import { KonsyncError } from '../errors.js';
import type { Json } from '../model/json.js';

/** Konnect answered with a status outside 2xx (after the scheduler's retries). The message never holds the token. */
export class ApiError extends KonsyncError {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly method: string,
    /** Relative to `/v2`, without the query string. */
    readonly path: string,
    message: string,
    /** The error body as Konnect sent it (JSON when it parsed). */
    readonly body?: Json,
    /** Attempts made, retries included. */
    readonly attempts = 1,
  ) {
    super(message);
  }
}

/** No answer: the connection failed or timed out on every attempt, or a POST was not re-sent because it may have been applied. */
export class KonnectConnectionError extends KonsyncError {
  override name = 'KonnectConnectionError';
  constructor(
    readonly method: string,
    readonly path: string,
    /** `timeout`, `ECONNRESET`, ... */
    readonly code: string,
    readonly attempts: number,
    /** True when a non-idempotent request may have been applied and was deliberately not re-sent. */
    readonly maybeApplied: boolean,
    message: string,
  ) {
    super(message);
  }
}
