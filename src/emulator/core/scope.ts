import { notFound } from '../problem.js';
import type { EmulatorContext, EmuResponse } from '../types.js';
import type { Scope } from './spec.js';

/** The control plane of the path, or Konnect's 404 when it does not exist. */
export function scopeOf(ctx: EmulatorContext, params: Record<string, string>): Scope | EmuResponse {
  const controlPlaneId = params.controlPlaneId ?? '';
  if (!ctx.data.controlPlanes[controlPlaneId]) return notFound('control-planes');
  return { ctx, controlPlaneId };
}

export function isResponse(value: unknown): value is EmuResponse {
  return typeof value === 'object' && value !== null && 'status' in value && !('ctx' in value);
}
