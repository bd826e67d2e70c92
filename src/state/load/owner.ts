// The state's owner, `absent: true` entries, and the labels konsync records on what it manages (README "Ownership").
import type { Problem } from '../../errors.js';
import type { Entity } from '../../model/entity.js';
import { isJsonObject } from '../../model/json.js';
import { DEFAULT_OWNER, OWNER_LABEL, PROTECTED_LABEL } from '../../model/ownership.js';
import type { Claim } from '../../model/state.js';
import { kindOf } from '../../kinds/registry.js';
import type { DraftEntity, LoadedFile } from './draft.js';
import { problemAt } from './parse-source.js';

/** The owner every file and the flag agree on: files decide, the flag must not contradict them. */
export function decideOwner(files: readonly LoadedFile[], flag: string | undefined, problems: Problem[]): string {
  let chosen: { owner: string; file: string } | undefined;
  for (const file of files) {
    const owner = file.header.owner;
    if (owner === undefined) continue;
    const at = (message: string) => problems.push(problemAt(file.source, ['_konnect', 'owner'], message));
    if (chosen && chosen.owner !== owner) at(`owner "${owner}" conflicts with owner "${chosen.owner}" set in ${chosen.file}`);
    else if (flag !== undefined && flag !== owner) at(`owner "${owner}" conflicts with --owner ${flag}`);
    chosen ??= { owner, file: file.source.file };
  }
  return chosen?.owner ?? flag ?? DEFAULT_OWNER;
}

/**
 * Entries written `absent: true` become claims on exactly that entity (its deletion is asked for by name) and leave
 * the declared drafts; one also declared normally is a problem.
 */
export function takeAbsent(drafts: readonly DraftEntity[], problems: Problem[]): { drafts: DraftEntity[]; claims: Claim[] } {
  if (!drafts.some((draft) => draft.absent)) return { drafts: [...drafts], claims: [] };
  const declared = new Set<string>();
  for (const draft of drafts) {
    if (draft.absent) continue;
    const key = kindOf(draft.kind).identity(draft.fields, draft.id);
    if (key !== undefined) declared.add(`${draft.kind}:${key}`);
  }
  const claims: Claim[] = [];
  for (const draft of drafts) {
    if (!draft.absent) continue;
    const descriptor = kindOf(draft.kind);
    const key = descriptor.identity(draft.fields, draft.id);
    if (key === undefined) continue;
    if (declared.has(`${draft.kind}:${key}`)) {
      problems.push(problemAt(draft.file.source, [...draft.path, 'absent'], `${descriptor.title} ${key} is declared and also marked absent: keep one`));
      continue;
    }
    claims.push({ kind: draft.kind, key });
  }
  return { drafts: drafts.filter((draft) => !draft.absent), claims };
}

/**
 * Records the owner (and protection) in the labels of every desired entity whose kind keeps labels; labels konsync
 * reserves may not be written by hand.
 */
export function stampOwnership(entities: readonly Entity[], owner: string, report: (entity: Entity, field: Array<string | number>, message: string) => void): void {
  for (const entity of entities) {
    const field = kindOf(entity.kind).labels;
    if (field === undefined) continue;
    const labels = isJsonObject(entity.fields[field]) ? { ...(entity.fields[field] as Record<string, string>) } : {};
    for (const reserved of [OWNER_LABEL, PROTECTED_LABEL]) {
      if (labels[reserved] !== undefined) report(entity, [field, reserved], `label ${reserved} is konsync's own: set _konnect.owner (or --owner) and protected: true instead`);
    }
    labels[OWNER_LABEL] = owner;
    if (entity.intent?.protected) labels[PROTECTED_LABEL] = 'true';
    else delete labels[PROTECTED_LABEL];
    entity.fields[field] = labels;
  }
}
