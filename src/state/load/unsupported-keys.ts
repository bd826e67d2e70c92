import { formatProblem, type Problem } from '../../errors.js';
import { isJsonObject, type Json, type JsonObject } from '../../model/json.js';
import { slotsAt } from './field-path.js';
import { problemAt, type ParsedSource } from './parse-source.js';
import { ALL_KINDS } from '../../kinds/registry.js';

/** decK `custom_entities` types konsync manages: the `file.typed` of the kinds that live there. */
const CUSTOM_ENTITY_TYPES: readonly string[] = ALL_KINDS.flatMap((kind) => (kind.file.typed?.key === 'custom_entities' ? [kind.file.typed.type] : []));

/**
 * decK keys konsync does not manage. `error`: the file asks for something konsync would silently not do.
 * `ignore`: safe to leave alone (nothing is created or deleted for them); the key is dropped with a warning.
 * Paths use `[]` for "every item".
 */
const UNSUPPORTED: Array<{ path: string; effect: 'error' | 'ignore'; why: string; when?: (value: Json) => boolean }> = [
  { path: 'filter_chains', effect: 'error', why: 'Konnect does not support filter chains (WebAssembly filters)' },
  { path: 'services[].filter_chains', effect: 'error', why: 'Konnect does not support filter chains (WebAssembly filters)' },
  { path: 'services[].routes[].filter_chains', effect: 'error', why: 'Konnect does not support filter chains (WebAssembly filters)' },
  { path: 'routes[].filter_chains', effect: 'error', why: 'Konnect does not support filter chains (WebAssembly filters)' },
  { path: 'rbac_roles', effect: 'error', why: 'Konnect has no Kong RBAC roles' },
  { path: 'licenses', effect: 'error', why: 'Konnect manages licenses itself' },
  {
    path: 'custom_entities[].type',
    effect: 'error',
    why: `Konnect serves only these custom entities: ${CUSTOM_ENTITY_TYPES.join(', ')}`,
    when: (value) => !CUSTOM_ENTITY_TYPES.includes(value as string),
  },
  { path: 'cloned_plugins', effect: 'error', why: 'konsync does not manage cloned plugins' },
  { path: '_plugin_configs', effect: 'error', why: 'konsync does not support _plugin_configs; write each plugin config in full' },
  ...['services[].plugins[]', 'services[].routes[].plugins[]', 'routes[].plugins[]', 'consumers[].plugins[]', 'consumer_groups[].plugins[]', 'plugins[]'].map(
    (base) => ({ path: `${base}._config`, effect: 'error' as const, why: 'konsync does not support _plugin_configs references' }),
  ),
  { path: 'consumers[].oauth2_credentials', effect: 'error', why: 'Konnect has no OAuth2 credentials: its API serves none, and the oauth2 plugin is not available in Konnect' },
  { path: '_workspace', effect: 'ignore', why: 'Konnect control planes have no workspaces' },
];

const isEmpty = (value: Json | undefined) => (Array.isArray(value) && value.length === 0) || (isJsonObject(value) && Object.keys(value).length === 0);

/** Drops decK keys konsync does not manage from `root` (mutated), reporting each as an error or a warning. */
export function dropUnsupportedKeys(source: ParsedSource, root: JsonObject): { problems: Problem[]; warnings: string[] } {
  const problems: Problem[] = [];
  const warnings: string[] = [];
  for (const rule of UNSUPPORTED) {
    // Rule paths end in a key, never `[]`: each slot is a key of an object.
    for (const { holder, key, value, at } of slotsAt(root, rule.path)) {
      if (rule.when && !rule.when(value)) continue;
      delete (holder as JsonObject)[key as string];
      if (isEmpty(value)) continue;
      if (rule.effect === 'error') problems.push(problemAt(source, at, `not supported: ${rule.why}`));
      else warnings.push(formatProblem(problemAt(source, at, `ignored: ${rule.why}`)));
    }
  }
  return { problems, warnings };
}
