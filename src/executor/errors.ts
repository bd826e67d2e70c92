import { formatDuration } from '../render/duration.js';
import { KonsyncError } from '../errors.js';

/** Base of the errors one operation can fail with while it runs. The executor reports them; it never throws them. */
export class ExecutionError extends KonsyncError {
  override name = 'ExecutionError';
}

/** A `${{ env "DECK_X" }}` in a body names a variable that apply's environment does not set. Never carries values. */
export class MissingEnvError extends ExecutionError {
  override name = 'MissingEnvError';
  constructor(readonly variable: string) {
    super(`environment variable ${variable} is not set (the plan's body references it)`);
  }
}

/** A `{$id:kind:key}` placeholder names an entity that neither the plan nor Konnect knows. */
export class UnresolvedIdError extends ExecutionError {
  override name = 'UnresolvedIdError';
  constructor(
    readonly ref: string,
    detail = 'not found in Konnect',
  ) {
    super(`cannot resolve the id of ${ref}: ${detail}`);
  }
}

/** An async resource reached one of its failed states. */
export class ReadinessFailedError extends ExecutionError {
  override name = 'ReadinessFailedError';
  constructor(
    readonly state: string,
    readonly reason?: string,
  ) {
    super(`reached state ${state}${reason ? `: ${reason}` : ''}`);
  }
}

/** An async resource did not become ready (or go away) in time. */
export class WaitTimeoutError extends ExecutionError {
  override name = 'WaitTimeoutError';
  constructor(
    readonly timeoutMs: number,
    readonly lastState: string | undefined,
    /** What was waited for. */
    readonly goal: 'ready' | 'deleted' = 'ready',
  ) {
    super(`${goal === 'ready' ? 'not ready' : 'still present'} after ${formatDuration(timeoutMs)} (last state: ${lastState ?? 'unknown'})`);
  }
}


/** The message worth reporting for anything thrown: ApiError carries Konnect's own message. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
