import type { Action, Operation, Plan } from '../model/plan.js';
import type { KonnectApi } from '../konnect/types.js';
import { systemClock, type Clock } from '../konnect/clock.js';
import { resolveIds, type IdResolver } from './resolve.js';
import { runGraph, type Finished } from './run-graph.js';
import { runOperation, type OperationContext } from './run-operation.js';

export type OperationOutcome = 'applied' | 'failed' | 'skipped' | 'pending';

export interface OperationResult {
  id: string;
  outcome: OperationOutcome;
  /**
   * Konnect's message for failures; for skips, which failed dependency; for pendings, what was not waited for; for
   * a create that found its entity already there (a concurrent run), that it converged or was updated.
   */
  message?: string;
  durationMs?: number;
  /** For people: `service payments/orders`. */
  title?: string;
  action?: Action;
}

export interface ExecutionReport {
  /** In plan order. */
  results: OperationResult[];
  applied: number;
  failed: number;
  skipped: number;
  /**
   * Not finished because readiness was not waited for (`noWait`): the wait operations themselves and every operation
   * that depends on one. Their requests were not sent; a later apply sends them.
   */
  pending: number;
  /** The signal aborted the run: operations not started are `skipped` with "aborted before it started". */
  aborted: boolean;
}

export interface ProgressEvent {
  id: string;
  title: string;
  state: 'started' | 'waiting' | 'done' | 'failed' | 'skipped' | 'pending';
  /** For waits: the resource's current state (initializing, ready...). */
  detail?: string;
  /** For failed, skipped and pending: why. */
  message?: string;
  elapsedMs: number;
}

export interface ExecuteOptions {
  /** Renders `${{ env "DECK_X" }}` in plan bodies. A missing variable fails the operations that use it. */
  env: Record<string, string | undefined>;
  /**
   * Return once requests are accepted, without waiting for readiness: wait operations are reported `pending`, and so
   * is every operation that depends on one (it is not sent, since it may need the resource ready).
   */
  noWait?: boolean;
  /** Give up waiting for one resource after this long. @default 1_800_000 (30 min) */
  waitTimeoutMs?: number;
  onProgress?: (event: ProgressEvent) => void;
  /** Stops starting operations; the rest are reported skipped. Requests already sent are let finish. */
  signal?: AbortSignal;
  /** Time for readiness polls and durations. @default systemClock */
  clock?: Clock;
  /** Jitter source for readiness polls (0 ≤ x < 1). @default Math.random */
  random?: () => number;
  /** Delay between readiness polls: from `min` growing to `max`. @default { min: 1000, max: 15000 } */
  pollIntervalMs?: { min: number; max: number };
  /** Write operations in flight at most; the client's scheduler does the real limiting. @default 64 */
  maxInFlight?: number;
  /** Reuse the resolver of apply's stale-plan check, so each entity is looked up at most once. */
  resolver?: IdResolver;
}

const DEFAULT_WAIT_TIMEOUT_MS = 30 * 60_000;

/** Runs a plan as a dependency graph. Never throws for an operation's failure: the report holds it. */
export async function executePlan(plan: Plan, api: KonnectApi, options: ExecuteOptions): Promise<ExecutionReport> {
  const clock = options.clock ?? systemClock;
  const resolver = options.resolver ?? resolveIds(plan, api, options.signal ? { signal: options.signal } : {});
  const results = new Map<string, OperationResult>();
  const startedAt = new Map<string, number>();
  const emit = (op: Operation, state: ProgressEvent['state'], extra: { detail?: string; message?: string } = {}) => {
    const started = startedAt.get(op.id);
    options.onProgress?.({ id: op.id, title: op.title, state, ...extra, elapsedMs: started === undefined ? 0 : clock.now() - started });
  };
  const operationContext = (op: Operation): OperationContext => ({
    api,
    resolver,
    env: options.env,
    geo: plan.geo,
    clock,
    noWait: options.noWait ?? false,
    waitTimeoutMs: options.waitTimeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS,
    ...(options.pollIntervalMs ? { pollMinMs: options.pollIntervalMs.min, pollMaxMs: options.pollIntervalMs.max } : {}),
    ...(options.random ? { random: options.random } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    onState: (state) => emit(op, 'waiting', { detail: state }),
  });
  const tasks = plan.operations.map((op) => ({ ...op, lane: op.action === 'wait' ? ('wait' as const) : ('write' as const) }));

  await runGraph(tasks, {
    ...(options.maxInFlight !== undefined ? { maxInFlight: options.maxInFlight } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    run: async (op): Promise<Finished> => {
      startedAt.set(op.id, clock.now());
      emit(op, 'started');
      return runOperation(op, operationContext(op)).catch((error: unknown): Finished => {
        // Only waits and lookups take the signal: an abort stops them, which is not the operation failing.
        const signal = options.signal;
        if (signal?.aborted && (error === signal.reason || (error instanceof Error && error.name === 'AbortError'))) {
          return { outcome: 'skipped', message: op.action === 'wait' ? 'aborted while waiting for readiness' : 'aborted while running' };
        }
        throw error;
      });
    },
    onFinished: (op, finished) => {
      const started = startedAt.get(op.id);
      const result: OperationResult = { id: op.id, outcome: finished.outcome, title: op.title, action: op.action };
      if (finished.outcome !== 'applied') result.message = finished.message;
      else if (finished.note !== undefined) result.message = finished.note;
      if (started !== undefined) result.durationMs = clock.now() - started;
      results.set(op.id, result);
      const state = finished.outcome === 'applied' ? 'done' : finished.outcome;
      const detail = finished.outcome === 'applied' ? finished.detail : undefined;
      emit(op, state, { ...(detail !== undefined ? { detail } : {}), ...(result.message !== undefined ? { message: result.message } : {}) });
    },
  });

  const ordered = plan.operations.map((op) => results.get(op.id)!);
  const count = (outcome: OperationOutcome) => ordered.filter((result) => result.outcome === outcome).length;
  return {
    results: ordered,
    applied: count('applied'),
    failed: count('failed'),
    skipped: count('skipped'),
    pending: count('pending'),
    aborted: options.signal?.aborted ?? false,
  };
}

export { resolveIds, type IdResolver } from './resolve.js';
export { checkFingerprints, type StaleOperation } from './stale-check.js';
