import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

const requireCommonJs = createRequire(import.meta.url);
let loaded: typeof Yaml | undefined;
/**
 * The `yaml` package (about 60 modules, ~0.05 s of CPU): loaded by the first file that leaves the block-style fast path
 * (or names a code file), not by every run. A decK dump never needs it.
 */
export function yamlLibrary(): typeof Yaml {
  loaded ??= requireCommonJs('yaml') as typeof Yaml;
  return loaded;
}
