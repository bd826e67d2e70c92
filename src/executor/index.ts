import type { Plan } from '../model/plan.js';
import type { KonnectApi } from '../konnect/types.js';

export type OperationOutcome = 'applied' | 'failed' | 'skipped' | 'pending';

export interface OperationResult {
  id: string;
  outcome: OperationOutcome;
  /** Konnect's message for failures; for skips, which failed dependency. */
  message?: string;
  durationMs?: number;
}

export interface ExecutionReport {
  results: OperationResult[];
  applied: number;
  failed: number;
  skipped: number;
}

export interface ProgressEvent {
  id: string;
  title: string;
  state: 'started' | 'waiting' | 'done' | 'failed' | 'skipped';
  /** For waits: the resource's current state (initializing, ready...). */
  detail?: string;
  elapsedMs: number;
}

export interface ExecuteOptions {
  /** Renders `${{ env "DECK_X" }}` in plan bodies. */
  env: Record<string, string | undefined>;
  /** Return once requests are accepted, without waiting for readiness. */
  noWait?: boolean;
  /** Give up waiting for one resource after this long. Default 30 min. */
  waitTimeoutMs?: number;
  onProgress?: (event: ProgressEvent) => void;
  signal?: AbortSignal;
}

/** Runs a plan as a dependency graph. OWNER: executor. */
export async function executePlan(_plan: Plan, _api: KonnectApi, _options: ExecuteOptions): Promise<ExecutionReport> {
  throw new Error('not implemented yet');
}
