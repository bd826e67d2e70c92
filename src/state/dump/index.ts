import type { LiveState } from '../../model/state.js';
import type { Json } from '../../model/json.js';
import { yamlChunks, type RenderedList } from './yaml-writer.js';
import { DumpBuilder } from './builder.js';
import type { DumpDocument, DumpOptions, DumpResult } from './types.js';

export type { DumpDocument, DumpOptions, DumpResult } from './types.js';
export { DumpBuilder } from './builder.js';

/**
 * Live state → konsync state files: a platform file and one decK-format file per control plane, references by name,
 * server-made entities left out. Placement comes from each kind's `file` declaration: its top-level list, or nested
 * in its parent's item. Pure; the CLI writes the files (and builds them with `DumpBuilder` as the read goes).
 */
export function dumpState(live: LiveState, options: DumpOptions = {}): DumpResult {
  const builder = new DumpBuilder(options, live.defaults);
  builder.addAll(live.entities);
  return builder.finish();
}

/** One document as YAML (`yamlChunks` joined; write the chunks one by one to stream a large dump). */
export function toYaml(document: DumpDocument, rendered?: ReadonlyMap<readonly Json[], RenderedList>): string {
  return [...yamlChunks(document.content, rendered)].map((chunk) => (typeof chunk === 'string' ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString())).join('');
}
