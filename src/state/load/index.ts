import type { DesiredState } from '../../model/state.js';
import { sideFileRequests } from './code-fields.js';
import { loadDocuments, type CoreOptions } from './load-documents.js';
import { readSideFiles, readStateFiles } from './read-files.js';

export { loadDocuments, type SourceText, type CoreOptions } from './load-documents.js';

/** The core's options; `loadState` reads the side files itself. */
export type LoadOptions = Omit<CoreOptions, 'sideFiles'>;

/**
 * Reads files and directories (recursively: .yaml, .yml, .json) into one desired state.
 * Throws ValidationError listing every problem (file:line:column, field path, message) when any input is bad.
 * Only this entry point touches the disk; `loadDocuments` is the pure core.
 */
export async function loadState(paths: string[], options: LoadOptions): Promise<DesiredState> {
  const inputs = await readStateFiles(paths);
  const sideFiles = await readSideFiles(inputs.flatMap((input) => sideFileRequests(input.path, input.text)));
  return loadDocuments(inputs, { ...options, sideFiles });
}
