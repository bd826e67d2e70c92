import { ValidationError } from '../../errors.js';
import type { DesiredState } from '../../model/state.js';
import { sideFileRequests } from './code-fields.js';
import { loadDocuments, type CoreOptions } from './load-documents.js';
import { readSideFiles, readStateFiles } from './read-files.js';

export { loadDocuments, type SourceText, type CoreOptions } from './load-documents.js';

/** The core's options; `loadState` reads the side files itself. */
export type LoadOptions = Omit<CoreOptions, 'sideFiles'>;

/**
 * Reads files and directories (recursively: .yaml, .yml, .json that look like state; see `readStateFiles`) into one
 * desired state.
 * Throws ValidationError listing every problem (file:line:column, field path, message) when any input is bad.
 * Only this entry point touches the disk; `loadDocuments` is the pure core.
 */
export async function loadState(paths: string[], options: LoadOptions): Promise<DesiredState> {
  const { inputs, skipped } = await readStateFiles(paths);
  if (inputs.length === 0 && skipped.length > 0) {
    const message = `nothing to load: ${skipped.length} ${skipped.length === 1 ? 'file' : 'files'} found (${skipped.slice(0, 3).join(', ')}${skipped.length > 3 ? ', ...' : ''}) ${skipped.length === 1 ? 'is' : 'are'} not state`;
    throw new ValidationError([{ message, hint: 'a directory walk reads .yaml/.yml/.json files with a top-level state key (services, control_planes, _konnect...); name a file with -s to read it anyway' }]);
  }
  const sideFiles = await readSideFiles(inputs.flatMap((input) => sideFileRequests(input.path, input.text)));
  const state = loadDocuments(inputs, { ...options, sideFiles });
  if (skipped.length > 0) state.skipped = skipped;
  return state;
}
