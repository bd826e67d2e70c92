import { createRequire } from 'node:module';

const requireCommonJs = createRequire(import.meta.url);

/**
 * A CommonJS package loaded by the first call instead of at startup: each command loads only what it uses (undici by
 * the first request, `yaml` by the first file off the fast path, Ajv by the first plan file).
 */
export function lazyPackage<T>(specifier: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= requireCommonJs(specifier) as T);
}
