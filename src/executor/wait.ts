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
export function waitUntilReady(api: KonnectApi, check: ReadinessCheck, path: string, options: PollOptions): Promise<string> {
  return poll(options, 'ready', async () => {
    const response = await api.request({ api: check.api, method: 'GET', path, ...(check.geo ? { geo: check.geo } : {}), ...(options.signal ? { signal: options.signal } : {}) });
    const states = getAll(response.body, check.statePath).map(stateText);
    const state = summarize(states);
    options.onState?.(state);
    const failed = states.find((one) => check.failed.includes(one));
    if (failed !== undefined) throw new ReadinessFailedError(failed, reasonOf(response.body, check.statePath));
    return { state, done: states.length > 0 && states.every((one) => check.ready.includes(one)) };
  });
}

/**
 * The poll loop of both waits: `once()` until it says done, with a growing, jittered delay between polls, up to
 * `timeoutMs` (WaitTimeoutError naming the last state) and never past the signal. Returns the last state.
 */
async function poll(options: PollOptions, goal: 'ready' | 'deleted', once: () => Promise<{ state: string; done: boolean }>): Promise<string> {
  const { clock } = options;
  const maxInterval = options.maxIntervalMs ?? 15_000;
  const random = options.random ?? Math.random;
  const started = clock.now();
  let interval = options.minIntervalMs ?? 1000;
  let lastState: string | undefined;
  for (let round = 0; round < MAX_POLLS; round++) {
    options.signal?.throwIfAborted();
    const { state, done } = await once();
    if (done) return state;
    lastState = state;
    const elapsed = clock.now() - started;
    if (elapsed >= options.timeoutMs) throw new WaitTimeoutError(options.timeoutMs, lastState, goal);
    await clock.sleep(Math.min(interval * (0.8 + 0.4 * random()), options.timeoutMs - elapsed), options.signal);
    interval = Math.min(maxInterval, interval * BACKOFF_FACTOR);
  }
  throw new WaitTimeoutError(options.timeoutMs, lastState, goal);
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
export async function waitUntilGone(api: KonnectApi, check: Pick<ReadinessCheck, 'api' | 'statePath' | 'geo'>, path: string, options: PollOptions): Promise<void> {
  await poll(options, 'deleted', async () => {
    let body: Json;
    try {
      body = (await api.request({ api: check.api, method: 'GET', path, ...(check.geo ? { geo: check.geo } : {}), ...(options.signal ? { signal: options.signal } : {}) })).body;
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return { state: GONE_STATE, done: true };
      throw error;
    }
    const states = getAll(body, check.statePath).map(stateText);
    if (states.length > 0 && states.every((state) => state === GONE_STATE)) return { state: GONE_STATE, done: true };
    const state = summarize(states);
    options.onState?.(state);
    return { state, done: false };
  });
}
