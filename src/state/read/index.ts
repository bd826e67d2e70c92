import type { DesiredState, LiveState } from '../../model/state.js';
import type { KonnectApi } from '../../konnect/types.js';

export interface ReadOptions {
  /** Read every control plane's gateway entities and every platform resource, not only what desired touches (dump). */
  everything?: boolean;
  /** dump: only these control planes. */
  controlPlanes?: string[];
  signal?: AbortSignal;
}

/**
 * Live state for what `desired` touches, in the same model as the loader's (references by natural key).
 * OWNER: client/reader.
 */
export async function readLiveState(_api: KonnectApi, _desired: DesiredState, _options: ReadOptions = {}): Promise<LiveState> {
  throw new Error('not implemented yet');
}
