import type { Entity } from '../../model/entity.js';
import type { KindName } from '../../kinds/kind-names.js';

/**
 * `find(kind, key)` over the loaded entities, each kind indexed on its first lookup: the rules ask for a few kinds
 * (control planes, custom plugins), so most entities are never indexed.
 */
export function entityFinder(entities: readonly Entity[]): (kind: KindName, key: string) => Entity | undefined {
  const byKind = new Map<KindName, Map<string, Entity>>();
  return (kind, key) => {
    let index = byKind.get(kind);
    if (!index) {
      index = new Map();
      for (const entity of entities) if (entity.kind === kind) index.set(entity.key, entity);
      byKind.set(kind, index);
    }
    return index.get(key);
  };
}
