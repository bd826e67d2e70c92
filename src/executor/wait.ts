import type { Json } from '../model/json.js';
import type { ReadinessCheck } from '../model/plan.js';
import type { KonnectApi } from '../konnect/types.js';
import type { Clock } from '../konnect/clock.js';
import { getAll } from '../model/paths.js';
import { ApiError } from '../konnect/api-error.js';
import { ReadinessFailedError, WaitTimeoutError } from './errors.js';

export interface PollOptions {
  clock: Clock;
  timeoutMs: number;
  /** First delay between polls. @default 1000 */
  minIntervalMs?: number;
  /** Longest delay between polls. @default 15000 */
  maxIntervalMs?: number;
  /** 0 ≤ x < 1; jitters each delay by ±20 %. @default Math.random */
  random?: () => number;
  signal?: AbortSignal;
  /** Called after every poll with the resource's current state. */
  onState?: (state: string) => void;
}

/** Each delay grows by this factor until `maxIntervalMs`. */
const BACKOFF_FACTOR = 1.6;
/** Hard bound on polls, whatever the clock does. */
const MAX_POLLS = 100_000;

/**
 * Polls `GET path` until every value at `check.statePath` is one of `check.ready` (an empty list is not ready: the
 * resource has nothing provisioned yet). Throws ReadinessFailedError on a failed state (with `state_metadata.reason`
 * when the API gives one), WaitTimeoutError after `timeoutMs`, or the signal's reason when aborted.
 * Returns the final state.
 */
export async function waitUntilReady(api: KonnectApi, check: ReadinessCheck, path: string, options: PollOptions): Promise<string> {
  const { clock } = options;
  const minInterval = options.minIntervalMs ?? 1000;
  const maxInterval = options.maxIntervalMs ?? 15_000;
  const random = options.random ?? Math.random;
  const started = clock.now();
  let interval = minInterval;
  let lastState: string | undefined;
  for (let poll = 0; poll < MAX_POLLS; poll++) {
    options.signal?.throwIfAborted();
    const request = { api: check.api, method: 'GET' as const, path, ...(options.signal ? { signal: options.signal } : {}) };
    const response = await api.request(request);
    const states = getAll(response.body, check.statePath).map(stateText);
    lastState = summarize(states);
    options.onState?.(lastState);
    const failed = states.find((state) => check.failed.includes(state));
    if (failed !== undefined) throw new ReadinessFailedError(failed, reasonOf(response.body, check.statePath));
    if (states.length > 0 && states.every((state) => check.ready.includes(state))) return lastState;
    const elapsed = clock.now() - started;
    if (elapsed >= options.timeoutMs) throw new WaitTimeoutError(options.timeoutMs, lastState);
    const jittered = interval * (0.8 + 0.4 * random());
    await clock.sleep(Math.min(jittered, options.timeoutMs - elapsed), options.signal);
    interval = Math.min(maxInterval, interval * BACKOFF_FACTOR);
  }
  throw new WaitTimeoutError(options.timeoutMs, lastState);
}

function stateText(value: Json): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** `ready`, or `initializing, ready` for several groups in different states. */
function summarize(states: string[]): string {
  if (states.length === 0) return 'unknown';
  return [...new Set(states)].join(', ');
}

/** `state_metadata.reason` next to the state: `dataplane_groups[].state` → `dataplane_groups[].state_metadata.reason`. */
function reasonOf(body: Json, statePath: string): string | undefined {
  const dot = statePath.lastIndexOf('.');
  const prefix = dot < 0 ? '' : `${statePath.slice(0, dot)}.`;
  const reasons = getAll(body, `${prefix}state_metadata.reason`).filter((value): value is string => typeof value === 'string' && value !== '');
  return reasons.length > 0 ? [...new Set(reasons)].join('; ') : undefined;
}

/** Konnect's async resources go through `terminating` to `terminated` when deleted (or disappear: 404). */
const GONE_STATE = 'terminated';

/**
 * After a DELETE of an async resource: polls its item path until it is gone (404) or `terminated`, so a replace's
 * create does not collide with the old resource's name. Same backoff, timeout and abort as waitUntilReady.
 */
export async function waitUntilGone(api: KonnectApi, check: Pick<ReadinessCheck, 'api' | 'statePath'>, path: string, options: PollOptions): Promise<void> {
  const { clock } = options;
  const random = options.random ?? Math.random;
  const started = clock.now();
  let interval = options.minIntervalMs ?? 1000;
  let lastState: string | undefined;
  for (let poll = 0; poll < MAX_POLLS; poll++) {
    options.signal?.throwIfAborted();
    let body: Json;
    try {
      body = (await api.request({ api: check.api, method: 'GET', path, ...(options.signal ? { signal: options.signal } : {}) })).body;
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return;
      throw error;
    }
    const states = getAll(body, check.statePath).map(stateText);
    if (states.length > 0 && states.every((state) => state === GONE_STATE)) return;
    lastState = summarize(states);
    options.onState?.(lastState);
    const elapsed = clock.now() - started;
    if (elapsed >= options.timeoutMs) throw new WaitTimeoutError(options.timeoutMs, lastState, 'deleted');
    await clock.sleep(Math.min(interval * (0.8 + 0.4 * random()), options.timeoutMs - elapsed), options.signal);
    interval = Math.min(options.maxIntervalMs ?? 15_000, interval * BACKOFF_FACTOR);
  }
  throw new WaitTimeoutError(options.timeoutMs, lastState, 'deleted');
}
