import type { Problem } from '../../errors.js';
import type { Json, JsonObject } from '../../model/json.js';
import { scopedKey, type Entity } from '../../model/entity.js';
import { ALL_KINDS, kindOf } from '../../kinds/registry.js';
import type { KindName } from '../../kinds/kind-names.js';
import type { KindDescriptor, RefSpec } from '../../kinds/descriptor.js';
import { displayName, writtenPath, type DraftEntity } from './draft.js';
import { eachSlot, formatFieldPath, plainField, type FieldPath } from './field-path.js';
import { problemAt } from './parse-source.js';
import { suggestName } from '../../model/suggest.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function setSlot(holder: JsonObject | Json[], key: string | number, value: string): void {
  (holder as Record<string | number, Json>)[key] = value;
}

/**
 * Values of one kind by scope (a control plane, or none) and name: lookups take the name as written, so no
 * `kind:scope:name` string is made (and hashed) per entity and reference.
 */
class ScopedIndex<T> {
  private readonly byKind = new Map<KindName, Map<string | undefined, Map<string, T>>>();

  names(kind: KindName, scope: string | undefined): Map<string, T> {
    let scopes = this.byKind.get(kind);
    if (!scopes) this.byKind.set(kind, (scopes = new Map()));
    let names = scopes.get(scope);
    if (!names) scopes.set(scope, (names = new Map()));
    return names;
  }
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
  // Declared entities by their local key, and local keys by pinned id or other name (a consumer's custom_id).
  const declaredKeys = new ScopedIndex<DraftEntity>();
  const keyById = new ScopedIndex<string>();
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
    const names = declaredKeys.names(ref.kind, scope);
    // The usual reference, one field naming a declared entity (a route's service), is settled without a walk.
    const field = plainField(ref.path);
    if (field !== undefined && (draft.fields[field] === undefined || names.has(draft.fields[field] as string))) return;
    eachSlot(draft.fields, ref.path, (holder, key, value, at) => {
      if (typeof value !== 'string' || names.has(value)) return;
      const byId = keyById.names(ref.kind, scope).get(value);
      if (byId !== undefined) {
        setSlot(holder, key, byId);
        return;
      }
      const lookupTags = ref.lookup ? draft.file.header.lookupTags[ref.lookup] : undefined;
      if (lookupTags) {
        if (UUID.test(value)) setSlot(holder, key, `id:${value}`);
        return;
      }
      const referrer = kindOf(draft.kind).title;
      if (UUID.test(value) && target.scope === 'control_plane') {
        // decK resolves a foreign key by id against Konnect: so does the planner (`id:` references).
        setSlot(holder, key, `id:${value}`);
        deferred.add(`${referrer} "${displayName(draft.fields)}" (${where(draft)}) references ${target.title} ${value} by id, which no file declares: resolved at plan time against Konnect`);
        return;
      }
      const suggestion = suggestName(value, declared(ref.kind, scope));
      // Another state may manage it (a platform team's network, a team's control plane in a group): Konnect decides at
      // plan time. A name close to a declared one is a typo, reported now.
      if (target.scope === 'org' && suggestion === undefined) {
        deferred.add(`${referrer} "${displayName(draft.fields)}" (${where(draft)}) references ${target.title} "${value}", which no file declares: resolved against Konnect at plan time`);
        return;
      }
      const hints = [
        ...(suggestion !== undefined ? [`did you mean "${suggestion}"?`] : []),
        ...(ref.lookup ? [`declare it, or set _info.default_lookup_tags.${ref.lookup} to find it in Konnect`] : []),
      ];
      const hint = hints.length > 0 ? hints.join(' ') : undefined;
      report(draft, [...at], `${referrer} "${displayName(draft.fields)}" (${where(draft)}) references ${target.title} "${value}", which no file declares`, hint);
    });
  };

  const byKind = new Map<KindName, DraftEntity[]>();
  for (let i = 0; i < drafts.length; i++) {
    const draft = drafts[i]!;
    const list = byKind.get(draft.kind);
    if (list) list.push(draft);
    else byKind.set(draft.kind, [draft]);
  }
  /** Resolves one draft's references, gives it its key and makes its entity. A function of its own: called per draft. */
  const declare = (descriptor: KindDescriptor, draft: DraftEntity): void => {
    const refs = descriptor.refs;
    for (let r = 0; r < refs.length; r++) resolveOne(draft, refs[r]!);
    const local = descriptor.identity(draft.fields, draft.id);
    if (local === undefined) {
      report(draft, [], `${descriptor.title} "${displayName(draft.fields)}" cannot be identified: give it a name (or pin its id)`);
      return;
    }
    const key = scopedKey(draft.controlPlane, local);
    const names = declaredKeys.names(descriptor.kind, draft.controlPlane);
    const first = names.get(local);
    if (first?.referenceOnly && draft.referenceOnly) return;
    if (first) {
      report(draft, [], `${descriptor.title} "${key}" is declared twice: at ${where(first)} (${formatFieldPath(first.path)}) and here (${where(draft)})`);
      return;
    }
    names.set(local, draft);
    const aliases = draft.id !== undefined || descriptor.referenceNames ? keyById.names(descriptor.kind, draft.controlPlane) : undefined;
    if (draft.id !== undefined) aliases!.set(draft.id, local);
    for (const name of descriptor.referenceNames?.(draft.fields) ?? []) {
      if (!aliases!.has(name)) aliases!.set(name, local);
    }
    const { line, column } = draft.file.source.locate(draft.path);
    const entity: Entity = { kind: descriptor.kind, key, fields: draft.fields, source: { file: draft.file.source.file, line, column, path: formatFieldPath(draft.path) } };
    if (draft.controlPlane !== undefined) entity.controlPlane = draft.controlPlane;
    if (draft.id !== undefined) entity.id = draft.id;
    if (draft.intent) entity.intent = draft.intent;
    entities.push(entity);
    entityDrafts.push(draft);
  };
  for (const descriptor of ALL_KINDS) {
    const list = byKind.get(descriptor.kind);
    if (list) for (let i = 0; i < list.length; i++) declare(descriptor, list[i]!);
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
