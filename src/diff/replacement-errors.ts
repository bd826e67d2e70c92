// Why a replacement cannot be planned, worded for people: who blocks it and the way out, or the order that cannot work.
import type { Entity, EntityRef } from '../model/entity.js';
import { PlanError, type FileLocation } from '../errors.js';
import { kindOf } from '../kinds/registry.js';
import { isChildOf } from './referrers.js';

export const titleOf = (entity: Entity): string => `${kindOf(entity.kind).title} ${entity.key}`;

export interface Blocked {
  target: Entity;
  reason: string;
  /** Live entities that keep referencing the target after the plan. */
  blockers: Entity[];
}

/** `first` must be removed before `then` can be: `why` says which reference forces it. */
export interface RemovalEdge {
  first: EntityRef;
  then: EntityRef;
  why: string;
}

const article = (word: string): string => (/^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`);

function listOf(entities: readonly Entity[]): string {
  const names = entities.map(titleOf).sort();
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}

export function blockedMessage({ target, reason, blockers }: Blocked): string {
  const what = kindOf(target.kind).title;
  const head = `${titleOf(target)} must be replaced (${reason}), but`;
  const lines: string[] = [];
  const users = blockers.filter((entity) => !isChildOf(entity, target));
  const children = blockers.filter((entity) => isChildOf(entity, target));
  if (users.length > 0) {
    const who = listOf(users);
    lines.push(
      `${head} ${who} still ${users.length === 1 ? 'uses' : 'use'} it and Konnect refuses to delete ${article(what)} in use. ` +
        `Declare the new ${what} under another name, point ${who} at it, and remove ${target.key} in a later sync.`,
    );
  }
  if (children.length > 0) {
    const [them, are] = children.length === 1 ? ['it', 'is'] : ['them', 'are'];
    lines.push(
      `${head} ${listOf(children)} under it ${are} neither declared nor claimed by the files, and Konnect refuses to delete ${article(what)} that still has ${them}. ` +
        `Declare ${them} (recreated with ${target.key}), or claim ${them} in the files so that the sync deletes ${them} first.`,
    );
  }
  return lines.join('\n');
}

/** Throws PlanError naming a cycle of removals that must each come before the next, if there is one. */
export function assertOrderable(edges: readonly RemovalEdge[], title: (ref: EntityRef) => string, blame?: (ref: EntityRef) => FileLocation | undefined): void {
  if (edges.length === 0) return;
  const out = new Map<EntityRef, RemovalEdge[]>();
  for (const edge of edges) {
    const list = out.get(edge.first);
    if (list) list.push(edge);
    else out.set(edge.first, [edge]);
  }
  const state = new Map<EntityRef, 'open' | 'done'>();
  const path: RemovalEdge[] = [];
  const visit = (ref: EntityRef): RemovalEdge[] | undefined => {
    state.set(ref, 'open');
    for (const edge of out.get(ref) ?? []) {
      path.push(edge);
      if (state.get(edge.then) === 'open') return path.slice(path.findIndex((step) => step.first === edge.then));
      const found = state.has(edge.then) ? undefined : visit(edge.then);
      if (found) return found;
      path.pop();
    }
    state.set(ref, 'done');
    return undefined;
  };
  for (const ref of [...out.keys()].sort()) {
    const cycle = state.has(ref) ? undefined : visit(ref);
    if (!cycle) continue;
    const steps = cycle.map((edge) => `${title(edge.first)} before ${title(edge.then)} (${edge.why})`);
    throw new PlanError(
      `these replacements cannot be ordered: ${steps.join(', ')}; Konnect refuses to delete anything still in use. ` +
        'Make these changes in separate syncs, or declare the new resources under other names.',
      cycle.map((edge) => blame?.(edge.then)).find((location) => location !== undefined),
    );
  }
}
