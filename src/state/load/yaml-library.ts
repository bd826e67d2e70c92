import type * as Yaml from 'yaml';
import { lazyPackage } from '../../lazy-package.js';

/**
 * The `yaml` package (about 60 modules, ~0.05 s of CPU): loaded by the first file that leaves the block-style fast path
 * (or names a code file), not by every run. A decK dump never needs it.
 */
export const yamlLibrary = lazyPackage<typeof Yaml>('yaml');
