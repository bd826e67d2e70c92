import { randomUUID } from 'node:crypto';
import { emulatorRouter } from '../../../src/emulator/index.js';
import { emptyData } from '../../../src/emulator/seed.js';
import { ALL_KINDS } from '../../../src/kinds/registry.js';
import type { Operation, SpecOracle } from '../spec-oracle.js';
import type { SpecApi } from '../spec-location.js';

// Which operations of the three specs the emulator serves, which konsync needs (the resources it manages), and which
// are out of scope: computed from the specs, the emulator's router and konsync's kind registry, so it cannot drift.

export type Coverage = 'served' | 'in scope, not served' | 'out of scope';

export interface OperationRow {
  api: SpecApi;
  method: string;
  template: string;
  coverage: Coverage;
  operation: Operation['operation'];
}

const CORE = '/control-planes/{}/core-entities';
const normal = (path: string): string => path.replace(/\{[^}]+\}/g, '{}');
/** A concrete path for a template: each parameter becomes a value no literal segment has. */
export const concrete = (template: string): string => template.replace(/\{[^}]+\}/g, 'p-0');

const KIND_PATHS = new Set(ALL_KINDS.flatMap((kind) => [kind.paths.list, kind.paths.item, kind.paths.listAll].filter((path): path is string => path !== undefined).map(normal)));
/** Literal segments of the core-entity paths konsync reads and writes (`services`, `key-auth`, `consumer_groups`...). */
const MANAGED_CORE_SEGMENTS = new Set(
  [...KIND_PATHS].filter((path) => path.startsWith(`${CORE}/`)).flatMap((path) => path.slice(CORE.length).split('/').filter((part) => part !== '' && part !== '{}')),
);

/** A path of a managed kind, or a core-entity path made only of managed collections (`/services/{}/plugins`). */
export function inScope(template: string): boolean {
  const path = normal(template);
  if (KIND_PATHS.has(path)) return true;
  if (!path.startsWith(`${CORE}/`)) return false;
  return path.slice(CORE.length).split('/').filter((part) => part !== '' && part !== '{}').every((part) => MANAGED_CORE_SEGMENTS.has(part));
}

const router = emulatorRouter({ data: emptyData(), now: Date.now, newId: randomUUID, provisionMs: 0, touch: () => undefined });

export function served(method: string, template: string): boolean {
  const match = router.match(method, concrete(template));
  return match !== undefined && 'route' in match;
}

export function operationRows(spec: SpecOracle): OperationRow[] {
  return spec.operations().map(({ api, template, operation, method = 'GET' }) => ({
    api,
    method,
    template,
    operation,
    coverage: served(method, template) ? 'served' : inScope(template) ? 'in scope, not served' : 'out of scope',
  }));
}
