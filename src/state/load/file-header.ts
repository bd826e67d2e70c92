import type { Problem } from '../../errors.js';
import { isJsonObject, type Json, type JsonObject } from '../../model/json.js';
import { LOOKUP_SECTIONS, type Geo, type LookupSection } from '../../model/state.js';
import { problemAt, type ParsedSource } from './parse-source.js';

/** decK's default control plane when a file names none. */
export const DEFAULT_CONTROL_PLANE = 'default';

/** What a file's metadata keys (`_info`, `_konnect`, `_workspace`) say about its entities. */
export interface FileHeader {
  controlPlane: string;
  /** Whether `_konnect` named the control plane (otherwise `--konnect-control-plane-name`, else decK's `default`). */
  namedControlPlane: boolean;
  geo?: Geo;
  /** `_konnect.owner`. */
  owner?: string;
  selectTags: string[];
  lookupTags: Partial<Record<LookupSection, string[]>>;
  includePluginDefinitions: boolean;
  /** `_info.skip_hash_for_basic_auth`: values Konnect can store as sent are sent so (descriptor `storedAsSent`). */
  storeAsSent: boolean;
  /** `_info.defaults`, keyed by kind name (service, route, upstream, target). */
  defaults: Record<string, JsonObject>;
  workspace?: string;
}

/** What the command line adds to every file's header. */
export interface HeaderFlags {
  /** decK's `--include-plugin-definitions`. */
  includePluginDefinitions: boolean;
  /** decK's `--skip-hash-for-basic-auth`: as if every file set `_info.skip_hash_for_basic_auth: true`. */
  storeAsSent?: boolean;
  /** decK's `--select-tag`: the select tags of files that set none; files that set some must set the same. */
  selectTags: readonly string[];
  /** decK's `--konnect-control-plane-name`: the control plane of files that name none; files that name one must name it. */
  controlPlaneName?: string;
}

const strings = (value: Json | undefined): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const tagSet = (tags: readonly string[]) => [...new Set(tags)].sort().join('\n');

/** Reads the header of a schema-valid file. */
export function readFileHeader(source: ParsedSource, flags: HeaderFlags): { header: FileHeader; problems: Problem[] } {
  const root = isJsonObject(source.value) ? source.value : {};
  const info = isJsonObject(root._info) ? root._info : {};
  const konnect = isJsonObject(root._konnect) ? root._konnect : {};
  const problems: Problem[] = [];

  if (typeof konnect.control_plane_name === 'string' && typeof konnect.runtime_group_name === 'string') {
    problems.push(problemAt(source, ['_konnect', 'runtime_group_name'], 'set either control_plane_name or its deprecated name runtime_group_name, not both'));
  }
  if (root._transform === false) problems.push(problemAt(source, ['_transform'], '_transform: false is not supported'));

  const selectTags = strings(info.select_tags);
  // decK's determineSelectorTag: flag and file may both give select tags only when they agree.
  if (flags.selectTags.length > 0 && selectTags.length > 0 && tagSet(flags.selectTags) !== tagSet(selectTags)) {
    problems.push(problemAt(
      source,
      ['_info', 'select_tags'],
      `--select-tag ${flags.selectTags.join(',')} differs from _info.select_tags [${selectTags.join(', ')}] in ${source.file}`,
      'give the same tags, or leave one of them out',
    ));
  }

  const named = typeof konnect.control_plane_name === 'string' ? konnect.control_plane_name : konnect.runtime_group_name;
  // decK refuses a flag that contradicts the files rather than choosing one of them.
  if (flags.controlPlaneName !== undefined && typeof named === 'string' && named !== flags.controlPlaneName) {
    const key = typeof konnect.control_plane_name === 'string' ? 'control_plane_name' : 'runtime_group_name';
    problems.push(problemAt(
      source,
      ['_konnect', key],
      `--konnect-control-plane-name ${flags.controlPlaneName} differs from _konnect.${key} "${named}" in ${source.file}`,
      'the flag names the control plane of files that name none: give the same name, or leave one of them out',
    ));
  }
  const lookupSource = isJsonObject(info.default_lookup_tags) ? info.default_lookup_tags : {};
  const lookupTags: Partial<Record<LookupSection, string[]>> = {};
  for (const section of LOOKUP_SECTIONS) if (lookupSource[section] !== undefined) lookupTags[section] = strings(lookupSource[section]);
  const defaults: Record<string, JsonObject> = {};
  if (isJsonObject(info.defaults)) for (const [kind, value] of Object.entries(info.defaults)) if (isJsonObject(value)) defaults[kind] = value;

  const header: FileHeader = {
    controlPlane: typeof named === 'string' ? named : (flags.controlPlaneName ?? DEFAULT_CONTROL_PLANE),
    namedControlPlane: typeof named === 'string',
    selectTags: selectTags.length > 0 ? selectTags : [...new Set(flags.selectTags)],
    lookupTags,
    includePluginDefinitions: info.include_plugin_definitions === true || flags.includePluginDefinitions,
    storeAsSent: info.skip_hash_for_basic_auth === true || flags.storeAsSent === true,
    defaults,
  };
  if (typeof konnect.geo === 'string') header.geo = konnect.geo as Geo;
  if (typeof konnect.owner === 'string') header.owner = konnect.owner;
  if (typeof root._workspace === 'string') header.workspace = root._workspace;
  return { header, problems };
}
