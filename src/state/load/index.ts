import { parse } from 'yaml';
import type { Json } from '../../model/json.js';
import type { DesiredState, Geo } from '../../model/state.js';
import { sideFileRequests } from './code-fields.js';
import { loadDocuments, type SourceText } from './load-documents.js';
import { readSideFiles, readStateFiles } from './read-files.js';

export { loadDocuments, type SourceText, type CoreOptions } from './load-documents.js';

export interface LoadOptions {
  /** Control plane geo; a top-level `_konnect.geo` in files may not contradict it. Default `us`. */
  geo?: Geo;
  /** Environment for `${{ env "DECK_X" }}`; only DECK_ names are read, and all of them are recorded (`secrets`). */
  env: Record<string, string | undefined>;
  /**
   * `render` (default): substitute values. `mock`: substitute the variable's name, as decK's offline mode does
   * (validate without secrets).
   */
  envMode?: 'render' | 'mock';
  /** decK's `--include-plugin-definitions`: manage custom_plugins even in files that do not opt in. */
  includePluginDefinitions?: boolean;
  /**
   * decK's `--select-tag`: files without `_info.select_tags` act as if they set these (their entities get the tags,
   * their claims only cover live entities carrying them); a file that sets different ones is a ValidationError.
   */
  selectTags?: string[];
}

/** `handler_file`-style paths a file asks for; a file that does not parse asks for nothing (the core reports it). */
function sideFilesOf(input: SourceText): string[] {
  try {
    return sideFileRequests(input.path, parse(input.text) as Json | undefined);
  } catch {
    return [];
  }
}

/**
 * Reads files and directories (recursively: .yaml, .yml, .json) into one desired state.
 * Throws ValidationError listing every problem (file:line:column, field path, message) when any input is bad.
 * Only this entry point touches the disk; `loadDocuments` is the pure core.
 */
export async function loadState(paths: string[], options: LoadOptions): Promise<DesiredState> {
  const inputs = await readStateFiles(paths);
  const sideFiles = await readSideFiles(inputs.flatMap(sideFilesOf));
  return loadDocuments(inputs, { ...options, sideFiles });
}
