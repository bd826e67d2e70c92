import type { DesiredState, Geo } from '../../model/state.js';

export interface LoadOptions {
  /** Control plane geo; a top-level `_konnect.geo`/`konsync.geo` in files may not contradict it. Default `us`. */
  geo?: Geo;
  /** Environment for `${{ env "DECK_X" }}`; only DECK_ names are read. */
  env: Record<string, string | undefined>;
  /**
   * `render` (default): substitute values. `mock`: substitute the variable's name, as decK's offline mode does
   * (validate without secrets).
   */
  envMode?: 'render' | 'mock';
}

/**
 * Reads files and directories (recursively: .yaml, .yml, .json) into one desired state.
 * Throws ValidationError listing every problem (file:line:column, field path, message) when any input is bad.
 * OWNER: loader. Pure core lives beside this file; only this entry point touches the disk.
 */
export async function loadState(_paths: string[], _options: LoadOptions): Promise<DesiredState> {
  throw new Error('not implemented yet');
}
