import type { Problem } from '../../errors.js';
import type { Json, JsonObject } from '../../model/json.js';
import { scopedKey, type Entity } from '../../model/entity.js';
import { ALL_KINDS, kindOf } from '../../kinds/registry.js';
import type { KindName } from '../../kinds/kind-names.js';
import type { RefSpec } from '../../kinds/descriptor.js';
import { displayName, writtenPath, type DraftEntity } from './draft.js';
import { formatFieldPath, slotsAt, type FieldPath, type Slot } from './field-path.js';
import { problemAt } from './parse-source.js';
import { suggestName } from '../../model/suggest.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every string at a RefSpec path (`partials[].name`, `members[]`), with its location inside the fields. */
function referenceSlots(fields: JsonObject, path: string): Array<Slot & { value: string }> {
  return slotsAt(fields, path).filter((slot): slot is Slot & { value: string } => typeof slot.value === 'string');
}

function setSlot(slot: Slot, value: string): void {
  (slot.holder as Record<string | number, Json>)[slot.key] = value;
}

/** Where a desired entity is, for messages: `gateway.yaml:12:5`. */
function where(draft: DraftEntity): string {
  const position = draft.file.source.locate(draft.path);
  return `${draft.file.source.file}:${position.line}:${position.column}`;
}

/** The names each kind declares in each scope (a control plane, or none), for "did you mean". */
function declaredNames(drafts: readonly DraftEntity[]): (kind: KindName, scope: string | undefined) => string[] {
  const cache = new Map<string, string[]>();
  return (kind, scope) => {
    const id = `${kind}\u0000${scope ?? ''}`;
    let names = cache.get(id);
    if (!names) {
      const scoped = kindOf(kind).scope === 'control_plane';
      names = drafts
        .filter((draft) => draft.kind === kind && (!scoped || draft.controlPlane === scope))
        .map((draft) => kindOf(kind).identity(draft.fields, draft.id))
        .filter((name): name is string => name !== undefined);
      cache.set(id, names);
    }
    return names;
  };
}

export interface Resolved {
  entities: Entity[];
  /** The draft an entity came from, for later checks that need positions (problems and warnings: rarely asked). */
  draftOf(entity: Entity): DraftEntity | undefined;
  problems: Problem[];
  /**
   * References no file declares that the planner resolves against Konnect (platform resources another state manages,
   * foreign keys by id): `validate` says so; a plan, which has resolved them, does not.
   */
  deferred: string[];
}

/**
 * Resolves references (names, or ids pinned on desired entities) and gives every entity its key, kind by kind in
 * registry order so a referenced kind is keyed before its referrers. A reference that no file satisfies is an error
 * unless the file's `_info.default_lookup_tags` covers the target's section: the planner checks those against Konnect.
 */
export function resolveReferences(drafts: DraftEntity[]): Resolved {
  const problems: Problem[] = [];
  // Per kind, keyed by the entity's own key string: no `kind:key` string made (and hashed) per entity and reference.
  const byKindKey = new Map<KindName, Map<string, DraftEntity>>();
  const keysOf = (kind: KindName): Map<string, DraftEntity> => {
    let keys = byKindKey.get(kind);
    if (!keys) byKindKey.set(kind, (keys = new Map()));
    return keys;
  };
  const keyById = new Map<string, string>();
  const entities: Entity[] = [];
  const entityDrafts: DraftEntity[] = [];
  const report = (draft: DraftEntity, sub: FieldPath, message: string, hint?: string) =>
    problems.push(problemAt(draft.file.source, writtenPath(draft, sub), message, hint));
  const declared = declaredNames(drafts);
  const deferred = new Set<string>();

  const resolveOne = (draft: DraftEntity, ref: RefSpec): void => {
    const target = kindOf(ref.kind);
    // Read-only kinds (provider accounts) are never declared: Konnect has them, the schema checks the values.
    if (target.readOnly) return;
    const scope = target.scope === 'control_plane' ? draft.controlPlane : undefined;
    for (const slot of referenceSlots(draft.fields, ref.path)) {
      if (keysOf(ref.kind).has(scopedKey(scope, slot.value))) continue;
      const byId = keyById.get(`${ref.kind}:${scope ?? ''}:${slot.value}`);
      if (byId !== undefined) {
        setSlot(slot, byId);
        continue;
      }
      const lookupTags = ref.lookup ? draft.file.header.lookupTags[ref.lookup] : undefined;
      if (lookupTags) {
        if (UUID.test(slot.value)) setSlot(slot, `id:${slot.value}`);
        continue;
      }
      const referrer = kindOf(draft.kind).title;
      if (UUID.test(slot.value) && target.scope === 'control_plane') {
        // decK resolves a foreign key by id against Konnect: so does the planner (`id:` references).
        setSlot(slot, `id:${slot.value}`);
        deferred.add(`${referrer} "${displayName(draft.fields)}" (${where(draft)}) references ${target.title} ${slot.value} by id, which no file declares: resolved at plan time against Konnect`);
        continue;
      }
      const suggestion = suggestName(slot.value, declared(ref.kind, scope));
      // Another state may manage it (a platform team's network, a team's control plane in a group): Konnect decides at
      // plan time. A name close to a declared one is a typo, reported now.
      if (target.scope === 'org' && suggestion === undefined) {
        deferred.add(`${referrer} "${displayName(draft.fields)}" (${where(draft)}) references ${target.title} "${slot.value}", which no file declares: resolved against Konnect at plan time`);
        continue;
      }
      const hints = [
        ...(suggestion !== undefined ? [`did you mean "${suggestion}"?`] : []),
        ...(ref.lookup ? [`declare it, or set _info.default_lookup_tags.${ref.lookup} to find it in Konnect`] : []),
      ];
      const hint = hints.length > 0 ? hints.join(' ') : undefined;
      report(draft, slot.at, `${referrer} "${displayName(draft.fields)}" (${where(draft)}) references ${target.title} "${slot.value}", which no file declares`, hint);
    }
  };

  const byKind = new Map<KindName, DraftEntity[]>();
  for (const draft of drafts) {
    const list = byKind.get(draft.kind);
    if (list) list.push(draft);
    else byKind.set(draft.kind, [draft]);
  }
  for (const descriptor of ALL_KINDS) {
    for (const draft of byKind.get(descriptor.kind) ?? []) {
      for (const ref of descriptor.refs) resolveOne(draft, ref);
      const local = descriptor.identity(draft.fields, draft.id);
      if (local === undefined) {
        report(draft, [], `${descriptor.title} "${displayName(draft.fields)}" cannot be identified: give it a name (or pin its id)`);
        continue;
      }
      const key = scopedKey(draft.controlPlane, local);
      const declaredKeys = keysOf(descriptor.kind);
      const first = declaredKeys.get(key);
      if (first?.referenceOnly && draft.referenceOnly) continue;
      if (first) {
        report(draft, [], `${descriptor.title} "${key}" is declared twice: at ${where(first)} (${formatFieldPath(first.path)}) and here (${where(draft)})`);
        continue;
      }
      declaredKeys.set(key, draft);
      if (draft.id !== undefined) keyById.set(`${descriptor.kind}:${draft.controlPlane ?? ''}:${draft.id}`, local);
      for (const name of descriptor.referenceNames?.(draft.fields) ?? []) {
        const alias = `${descriptor.kind}:${draft.controlPlane ?? ''}:${name}`;
        if (!keyById.has(alias)) keyById.set(alias, local);
      }
      const { line, column } = draft.file.source.locate(draft.path);
      const entity: Entity = { kind: descriptor.kind, key, fields: draft.fields, source: { file: draft.file.source.file, line, column, path: formatFieldPath(draft.path) } };
      if (draft.controlPlane !== undefined) entity.controlPlane = draft.controlPlane;
      if (draft.id !== undefined) entity.id = draft.id;
      if (draft.intent) entity.intent = draft.intent;
      entities.push(entity);
      entityDrafts.push(draft);
    }
  }
  return { entities, draftOf: lazyIndex(entities, entityDrafts), problems, deferred: [...deferred] };
}

/** `entities[i]` → `drafts[i]`, by a Map built on the first question: most loads never ask. */
function lazyIndex(entities: readonly Entity[], drafts: readonly DraftEntity[]): (entity: Entity) => DraftEntity | undefined {
  let index: Map<Entity, DraftEntity> | undefined;
  return (entity) => {
    index ??= new Map(entities.map((each, i) => [each, drafts[i]!]));
    return index.get(entity);
  };
}
