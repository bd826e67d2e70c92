import type { Entity } from '../../model/entity.js';
import { kindOf } from '../../kinds/registry.js';

/**
 * Made by Konnect, not by users: read-only lookups, server-managed and owned entities, objects that stand for absence.
 * `owned` is the planner's `ownedIds()` (`kind|id` of what another entity brings with it).
 */
export function isServerMade(entity: Entity, owned: ReadonlySet<string>): boolean {
  const descriptor = kindOf(entity.kind);
  if (descriptor.readOnly) return true;
  if (entity.id !== undefined && owned.size > 0 && owned.has(`${entity.kind}|${entity.id}`)) return true;
  if (entity.raw && descriptor.serverManaged?.(entity.raw)) return true;
  return entity.raw !== undefined && descriptor.exists?.(entity.raw) === false;
}

export function tagsOf(entity: Entity): string[] {
  const tags = entity.fields.tags ?? entity.raw?.tags;
  return Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : [];
}

/** Carries every select tag. Kinds that only live nested in another kind follow their parent instead. */
export function inSelectTags(entity: Entity, selectTags: readonly string[]): boolean {
  if (selectTags.length === 0 || kindOf(entity.kind).file.key === undefined) return true;
  const tags = tagsOf(entity);
  return selectTags.every((tag) => tags.includes(tag));
}
