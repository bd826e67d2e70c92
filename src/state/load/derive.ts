import { formatProblem } from '../../errors.js';
import type { Entity } from '../../model/entity.js';
import type { Claim } from '../../model/state.js';
import { ALL_KINDS, kindOf } from '../../kinds/registry.js';
import { writtenPath, type DraftEntity } from './draft.js';
import { problemAt } from './parse-source.js';

/**
 * The tag every derived entity carries: it tells konsync's own (a member's managed-cache partial) from one a user
 * made by hand, so that a derived entity no longer implied (cache or membership gone) is deleted and nothing else.
 */
import { DERIVED_TAG } from '../../model/ownership.js';

const identityOf = (draft: Pick<DraftEntity, 'kind' | 'controlPlane' | 'fields' | 'id'>) =>
  `${draft.kind}:${draft.controlPlane ?? ''}:${kindOf(draft.kind).identity(draft.fields, draft.id) ?? ''}`;

const DERIVED_KINDS: ReadonlySet<string> = new Set(ALL_KINDS.flatMap((descriptor) => descriptor.derived?.kinds ?? []));

/**
 * Adds the entities declared ones imply (descriptor `derived`), located at the entity that implies them. A derived
 * entity already declared in a file is not added: the file's own wins.
 */
export function deriveDrafts(drafts: readonly DraftEntity[]): DraftEntity[] {
  // Only drafts of kinds something derives can be one already declared: indexed when the first derived entity appears.
  let declared: Set<string> | undefined;
  const out: DraftEntity[] = [];
  for (const draft of drafts) {
    const spec = kindOf(draft.kind).derived;
    if (!spec) continue;
    for (const item of spec.derive(draft, drafts)) {
      const tags = Array.isArray(item.fields.tags) ? item.fields.tags : [];
      const derived: DraftEntity = { kind: item.kind, fields: { ...item.fields, tags: [...tags, DERIVED_TAG] }, file: draft.file, path: draft.path };
      if (item.controlPlane !== undefined) derived.controlPlane = item.controlPlane;
      const identity = identityOf(derived);
      declared ??= new Set(drafts.filter((each) => DERIVED_KINDS.has(each.kind)).map(identityOf));
      if (declared.has(identity)) continue;
      declared.add(identity);
      out.push(derived);
    }
  }
  return out;
}

/** Files that claim a kind with derived entities also claim the derived ones konsync made, wherever they are. */
export function derivedClaims(claims: readonly Claim[]): Claim[] {
  const out: Claim[] = [];
  for (const descriptor of ALL_KINDS) {
    if (!descriptor.derived || !claims.some((claim) => claim.kind === descriptor.kind && claim.parent === undefined)) continue;
    for (const kind of descriptor.derived.kinds) out.push({ kind, selectTags: [DERIVED_TAG] });
  }
  return out;
}

/** Each kind's `warnings` over the loaded entities, as located lines. */
export function entityWarnings(entities: readonly Entity[], draftOf: (entity: Entity) => DraftEntity | undefined): string[] {
  const out: string[] = [];
  for (const entity of entities) {
    const found = kindOf(entity.kind).warnings?.(entity) ?? [];
    if (found.length === 0) continue;
    const draft = draftOf(entity);
    if (!draft) continue;
    for (const warning of found) out.push(formatProblem(problemAt(draft.file.source, writtenPath(draft, warning.field), warning.message)));
  }
  return out;
}
