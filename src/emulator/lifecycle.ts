import type { JsonObject } from '../model/json.js';
import type { EmulatorContext } from './types.js';
import { bump } from './env.js';

/**
 * Async lifecycles are stored as due transitions in `data.transitions`, keyed `<resource>:<id>[:<id>...]`,
 * and applied lazily by `settle()` before each request: no timers keep the process alive.
 */
export type Applier = (ctx: EmulatorContext, ids: string[], state: string) => void;

export const READY = 'ready';
/** The resource is removed when this transition is due. */
export const GONE = 'terminated';

export function transitionKey(resource: string, ...ids: string[]): string {
  return [resource, ...ids].join(':');
}

/** `state` becomes current `delay` ms from now (default: the provisioning time). */
export function schedule(ctx: EmulatorContext, key: string, state: string, delay = ctx.provisionMs): void {
  ctx.data.transitions[key] = { state, at: ctx.now() + delay };
  ctx.touch();
}

/** DELETE of an async resource: it goes `terminating` now and is removed when `GONE` is due; a repeat DELETE changes nothing. */
export function terminate(ctx: EmulatorContext, object: JsonObject, key: string): void {
  if (object.state === 'terminating') return;
  object.state = 'terminating';
  bump(ctx, object);
  schedule(ctx, key, GONE);
}

export class Lifecycles {
  private readonly appliers = new Map<string, Applier>();

  register(resource: string, applier: Applier): void {
    this.appliers.set(resource, applier);
  }

  /** Applies every due transition, oldest first, so side effects happen in the order Konnect would make them. */
  settle(ctx: EmulatorContext): void {
    const now = ctx.now();
    const due = Object.entries(ctx.data.transitions)
      .filter(([, transition]) => transition.at <= now)
      .sort((a, b) => a[1].at - b[1].at || a[0].localeCompare(b[0]));
    for (const [key, transition] of due) {
      delete ctx.data.transitions[key];
      const [resource, ...ids] = key.split(':');
      const applier = this.appliers.get(resource ?? '');
      if (applier) applier(ctx, ids, transition.state);
    }
    if (due.length > 0) ctx.touch();
  }
}
