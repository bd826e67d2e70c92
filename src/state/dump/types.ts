import type { JsonObject } from '../../model/json.js';
import type { EnvUse, Geo } from '../../model/state.js';

export interface DumpOptions {
  /** Write each gateway entity's server id (platform resources are matched by name and take no id). */
  withId?: boolean;
  /** Gateway entities carrying all of these; written as the files' `_info.select_tags` and stripped from entities. */
  selectTags?: string[];
  /** Only the gateway files of these control planes, and no platform file. */
  controlPlanes?: string[];
  /** DECK_ variables: where a value appears, the file gets `${{ env "DECK_X" }}` instead (no secrets on disk). */
  env?: readonly EnvUse[];
  /** Leave out values equal to Konnect's defaults (decK's --skip-defaults). */
  skipDefaults?: boolean;
  /**
   * Written as the platform file's `_konnect.geo`: the geo the live state was read with as default. Entities read in
   * another geo carry theirs (`Entity.geo`): a control plane's is written as its `geo:` and its gateway file's
   * `_konnect.geo`.
   */
  geo?: Geo;
}

export interface DumpDocument {
  /** File name: `konnect.yaml` for platform resources, `<control plane>.yaml` for a control plane's entities. */
  file: string;
  /** The control plane a gateway file is for. */
  controlPlane?: string;
  content: JsonObject;
}

export interface DumpResult {
  documents: DumpDocument[];
  /** Entities left out because they could not be placed (a nested entity whose parent is not dumped). */
  warnings: string[];
}
