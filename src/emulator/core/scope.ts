import { notFound } from '../problem.js';
import type { EmulatorContext, EmuRequest, EmuResponse, Handler } from '../types.js';
import type { Scope } from './spec.js';

/** A handler that runs in the control plane of the path, or answers Konnect's 404 when it does not exist. */
export function inScope(
  ctx: EmulatorContext,
  run: (scope: Scope, request: EmuRequest, params: Record<string, string>) => EmuResponse | Promise<EmuResponse>,
): Handler {
  return (request, params) => {
    const controlPlaneId = params.controlPlaneId ?? '';
    if (!ctx.data.controlPlanes[controlPlaneId]) return notFound('control-planes');
    return run({ ctx, controlPlaneId }, request, params);
  };
}
