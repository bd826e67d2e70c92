import { ValidationError } from '../errors.js';
import type { DesiredState } from '../model/state.js';
import { kindOf } from '../kinds/registry.js';

const same = (a: readonly string[], b: readonly string[]) => [...a].sort().join('\n') === [...b].sort().join('\n');

/**
 * `--select-tag` acts as `_info.select_tags` does (decK): every gateway entity that has tags gets them, and a file that
 * sets its own select tags must set the same ones. (The planner narrows deletes to entities carrying them.)
 * Returns a new state; `desired` is not changed.
 */
export function withSelectTagFlag(desired: DesiredState, tags: readonly string[]): DesiredState {
  if (tags.length === 0) return desired;
  const conflicts = desired.scopes.flatMap((scope) =>
    scope.selectTagSets
      .filter((set) => set.length > 0 && !same(set, tags))
      .map((set) => ({
        message: `--select-tag ${tags.join(',')} differs from _info.select_tags [${set.join(', ')}] in a file of control plane ${scope.controlPlane}`,
        hint: 'give the same tags, or leave one of them out',
      })),
  );
  if (conflicts.length > 0) throw new ValidationError(conflicts);
  const entities = desired.entities.map((entity) => {
    if (kindOf(entity.kind).scope !== 'control_plane' || !kindOf(entity.kind).sets(entity.fields).includes('tags')) return entity;
    const current = Array.isArray(entity.fields.tags) ? entity.fields.tags : [];
    const missing = tags.filter((tag) => !current.includes(tag));
    return missing.length === 0 ? entity : { ...entity, fields: { ...entity.fields, tags: [...current, ...missing] } };
  });
  return { ...desired, entities };
}
