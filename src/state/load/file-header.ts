import type { Problem } from '../../errors.js';
import { isJsonObject, type Json, type JsonObject } from '../../model/json.js';
import { LOOKUP_SECTIONS, type Geo, type LookupSection } from '../../model/state.js';
import type { ParsedSource } from './parse-source.js';

/** decK's default control plane when a file names none. */
export const DEFAULT_CONTROL_PLANE = 'default';

/** What a file's metadata keys (`_info`, `_konnect`, `_workspace`) say about its entities. */
export interface FileHeader {
  controlPlane: string;
  /** Whether `_konnect` named the control plane (otherwise decK's `default`). */
  namedControlPlane: boolean;
  geo?: Geo;
  selectTags: string[];
  lookupTags: Partial<Record<LookupSection, string[]>>;
  includePluginDefinitions: boolean;
  /** `_info.defaults`, keyed by kind name (service, route, upstream, target). */
  defaults: Record<string, JsonObject>;
  workspace?: string;
}

const strings = (value: Json | undefined): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** Reads the header of a schema-valid file. */
export function readFileHeader(source: ParsedSource, includePluginDefinitions: boolean): { header: FileHeader; problems: Problem[] } {
  const root = isJsonObject(source.value) ? source.value : {};
  const info = isJsonObject(root._info) ? root._info : {};
  const konnect = isJsonObject(root._konnect) ? root._konnect : {};
  const problems: Problem[] = [];
  const problemAt = (path: string[], message: string) => {
    const position = source.locate(path);
    problems.push({ file: source.file, ...position, path: path.join('.'), message });
  };

  if (typeof konnect.control_plane_name === 'string' && typeof konnect.runtime_group_name === 'string') {
    problemAt(['_konnect', 'runtime_group_name'], 'set either control_plane_name or its deprecated name runtime_group_name, not both');
  }
  if (root._transform === false) problemAt(['_transform'], '_transform: false is not supported');

  const named = typeof konnect.control_plane_name === 'string' ? konnect.control_plane_name : konnect.runtime_group_name;
  const lookupSource = isJsonObject(info.default_lookup_tags) ? info.default_lookup_tags : {};
  const lookupTags: Partial<Record<LookupSection, string[]>> = {};
  for (const section of LOOKUP_SECTIONS) if (lookupSource[section] !== undefined) lookupTags[section] = strings(lookupSource[section]);
  const defaults: Record<string, JsonObject> = {};
  if (isJsonObject(info.defaults)) for (const [kind, value] of Object.entries(info.defaults)) if (isJsonObject(value)) defaults[kind] = value;

  const header: FileHeader = {
    controlPlane: typeof named === 'string' ? named : DEFAULT_CONTROL_PLANE,
    namedControlPlane: typeof named === 'string',
    selectTags: strings(info.select_tags),
    lookupTags,
    includePluginDefinitions: info.include_plugin_definitions === true || includePluginDefinitions,
    defaults,
  };
  if (typeof konnect.geo === 'string') header.geo = konnect.geo as Geo;
  if (typeof root._workspace === 'string') header.workspace = root._workspace;
  return { header, problems };
}
