import { getPath } from '../../model/paths.js';
import { kindOf } from '../../kinds/registry.js';
import type { DraftEntity } from './draft.js';

/** The values that name a draft: its identity and its descriptor's `unique` paths (a consumer's username, custom_id). */
function namesOf(draft: DraftEntity): string[] {
  const descriptor = kindOf(draft.kind);
  const names: string[] = [];
  const identity = descriptor.identity(draft.fields, draft.id);
  if (identity !== undefined) names.push(`=${identity}`);
  for (const path of descriptor.unique ?? []) {
    const value = getPath(draft.fields, path);
    if (typeof value === 'string') names.push(`${path}=${value}`);
  }
  if (draft.id !== undefined) names.push(`id=${draft.id}`);
  return names;
}

/**
 * Drops declarations made in passing (`consumer_groups[].consumers[]`) that name an entity declared elsewhere, as
 * decK's builder does: a full declaration wins; of several in-passing ones (a consumer in two groups) the first stays.
 */
export function settleInPassing(drafts: readonly DraftEntity[]): DraftEntity[] {
  // Most files declare nothing in passing: then nothing can be dropped, and naming every draft is wasted.
  if (!drafts.some((draft) => draft.inPassing)) return [...drafts];
  const scopeOf = (draft: DraftEntity) => `${draft.kind}\u0000${draft.controlPlane ?? ''}`;
  const taken = new Set<string>();
  const note = (draft: DraftEntity) => {
    for (const name of namesOf(draft)) taken.add(`${scopeOf(draft)}\u0000${name}`);
  };
  const isTaken = (draft: DraftEntity) => namesOf(draft).some((name) => taken.has(`${scopeOf(draft)}\u0000${name}`));
  for (const draft of drafts) if (!draft.inPassing) note(draft);
  return drafts.filter((draft) => {
    if (!draft.inPassing) return true;
    if (isTaken(draft)) return false;
    note(draft);
    return true;
  });
}
