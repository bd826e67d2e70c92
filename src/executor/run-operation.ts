import type { Operation, PlannedRequest } from '../model/plan.js';
import type { ApiRequest, ApiResponse, KonnectApi } from '../konnect/types.js';
import type { Clock } from '../konnect/clock.js';
import { isJsonObject } from '../model/json.js';
import { ExecutionError, messageOf } from './errors.js';
import { renderEnv } from './env.js';
import type { IdResolver } from './resolve.js';
import { waitUntilGone, waitUntilReady, type PollOptions } from './wait.js';
import { kindOf } from '../kinds/registry.js';
import type { Geo } from '../model/state.js';
import { adoptExisting, createsOwnEntity, isAlreadyExists, isAlreadyGone } from './already-exists.js';

/** A replace whose delete went through but whose create did not: the entity is gone. */
export class ReplaceIncompleteError extends ExecutionError {
  override name = 'ReplaceIncompleteError';
  constructor(title: string, cause: string) {
    super(`${title} was deleted but not re-created: ${cause}`);
  }
}

export interface OperationContext {
  api: KonnectApi;
  resolver: IdResolver;
  env: Readonly<Record<string, string | undefined>>;
  /** The plan's geo: requests built while running (adopting an entity that already exists) need it. */
  geo: Geo;
  clock: Clock;
  noWait: boolean;
  waitTimeoutMs: number;
  pollMinMs?: number;
  pollMaxMs?: number;
  random?: () => number;
  signal?: AbortSignal;
  /** A wait operation's current state, after every poll. */
  onState(state: string): void;
}

/** `note`: an applied operation worth a word (a create that found its entity already there). */
export type RunOutcome = { outcome: 'applied'; detail?: string; note?: string } | { outcome: 'pending'; message: string };

/** Runs one operation's requests in order (or its readiness wait). Throws on failure; the caller contains it. */
export async function runOperation(op: Operation, ctx: OperationContext): Promise<RunOutcome> {
  if (op.action === 'wait') return runWait(op, ctx);
  const readiness = kindOf(op.kind).readiness;
  let sent = 0;
  let note: string | undefined;
  for (const planned of op.requests) {
    try {
      const result = await sendOrConverge(op, planned, ctx);
      sent++;
      if ('note' in result) {
        note = result.note;
        continue;
      }
      const { path } = result;
      // An async resource lingers (`terminating`) after its DELETE: a replace must not re-create it before it is gone.
      if (planned.method === 'DELETE' && readiness && (op.action === 'replace' || !ctx.noWait)) {
        const gone = waitUntilGone(ctx.api, { api: planned.api, statePath: readiness.statePath, ...(planned.geo ? { geo: planned.geo } : {}) }, path, pollOptions(ctx));
        // A plain delete was accepted: an abort while it terminates does not undo that.
        if (op.action !== 'replace') await gone.catch(rethrowUnlessAborted(ctx.signal));
        else await gone;
      }
    } catch (error) {
      // A replace sends its delete first: any later failure leaves the entity deleted.
      if (op.action === 'replace' && sent > 0) {
        throw new ReplaceIncompleteError(op.title, messageOf(error));
      }
      throw error;
    }
  }
  return note === undefined ? { outcome: 'applied' } : { outcome: 'applied', note };
}

/**
 * Sends a planned request. A concurrent run may have done it first: a delete answered 404 (gone already) and a create
 * answered "already exists" (adopted when it matches, see adoptExisting) converge instead of failing; `note` says so.
 */
async function sendOrConverge(op: Operation, planned: PlannedRequest, ctx: OperationContext): Promise<{ path: string } | { note: string }> {
  try {
    return await sendRequest(planned, ctx);
  } catch (error) {
    if (isAlreadyGone(op, planned, error)) return { note: 'already gone (converged: another run deleted it)' };
    if (!createsOwnEntity(op, planned) || !isAlreadyExists(error)) throw error;
    const send = async (request: PlannedRequest) => void (await sendRequest(request, ctx));
    return { note: await adoptExisting(op, error, { resolver: ctx.resolver, env: ctx.env, geo: ctx.geo, send }) };
  }
}

function rethrowUnlessAborted(signal: AbortSignal | undefined): (error: unknown) => void {
  return (error) => {
    if (!signal?.aborted) throw error;
  };
}

async function runWait(op: Operation, ctx: OperationContext): Promise<RunOutcome> {
  if (ctx.noWait) return { outcome: 'pending', message: 'not waited for (--no-wait)' };
  const check = op.readiness;
  if (!check) throw new ExecutionError(`${op.id} has no readiness check`);
  const path = await ctx.resolver.renderPath(check.path);
  const state = await waitUntilReady(ctx.api, check, path, pollOptions(ctx));
  return { outcome: 'applied', detail: state };
}

function pollOptions(ctx: OperationContext): PollOptions {
  return {
    clock: ctx.clock,
    timeoutMs: ctx.waitTimeoutMs,
    onState: ctx.onState,
    ...(ctx.pollMinMs !== undefined ? { minIntervalMs: ctx.pollMinMs } : {}),
    ...(ctx.pollMaxMs !== undefined ? { maxIntervalMs: ctx.pollMaxMs } : {}),
    ...(ctx.random ? { random: ctx.random } : {}),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  };
}

/**
 * One planned request: env expressions rendered first (a missing variable fails before anything is sent), then id
 * placeholders. Writes are not given the abort signal: a write that started is let finish, so an abort never leaves
 * a request half-known. A create passes `recover`, which looks the entity up by natural key, so a POST whose
 * response was lost is not sent twice; its response id is recorded under `captures`.
 */
async function sendRequest(planned: PlannedRequest, ctx: OperationContext): Promise<{ path: string; response: ApiResponse }> {
  const body = planned.body ? await ctx.resolver.renderBody(renderEnv(planned.body, ctx.env)) : undefined;
  const path = await ctx.resolver.renderPath(planned.path);
  const request: ApiRequest = { api: planned.api, method: planned.method, path };
  if (body !== undefined) request.body = body;
  if (planned.acceptStatuses) request.acceptStatuses = planned.acceptStatuses;
  if (planned.geo) request.geo = planned.geo;
  const captures = planned.captures;
  if (captures !== undefined && planned.method === 'POST') {
    request.recover = async () => {
      const hit = await ctx.resolver.lookup(captures, { fresh: true });
      return hit ? { status: 200, body: hit.raw, headers: {} } : undefined;
    };
  }
  const response = await ctx.api.request(request);
  // Only a success names the entity: an accepted 409 ("identical configuration") carries a problem, not the entity.
  const succeeded = response.status >= 200 && response.status < 300;
  if (captures !== undefined && succeeded && isJsonObject(response.body) && typeof response.body.id === 'string') {
    ctx.resolver.record(captures, response.body.id);
  }
  return { path, response };
}
