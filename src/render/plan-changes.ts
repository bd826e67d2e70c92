// Field-level changes of an operation, for people: from its JSON Patch and its `before`.
import type { Json, JsonObject } from '../model/json.js';
import type { Action, Operation, Plan } from '../model/plan.js';
import type { EnvUse } from '../model/state.js';
import { createMasker } from './mask.js';

export interface RenderOptions {
  /** DECK_ values to mask (DesiredState.env). */
  env?: readonly EnvUse[];
  /** ANSI colour (text only). @default false */
  color?: boolean;
}

export const SYMBOLS: Record<Action, string> = { create: '+', delete: '-', update: '~', replace: '±', wait: '…' };

export interface FieldChange {
  /** Dotted field path: `config.redis.host`, `paths[0]`. */
  field: string;
  old?: Json;
  new?: Json;
}

function unescape(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function segments(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map(unescape);
}

export function fieldName(pointer: string): string {
  return segments(pointer).reduce((out, segment) => (/^\d+$/.test(segment) ? `${out}[${segment}]` : out ? `${out}.${segment}` : segment), '');
}

function at(root: Json | undefined, pointer: string): Json | undefined {
  let node = root;
  for (const segment of segments(pointer)) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (node !== null && typeof node === 'object') node = (node as JsonObject)[segment];
    else return undefined;
  }
  return node;
}

export function fieldChanges(op: Operation): FieldChange[] {
  return op.patch.map((patch) => {
    const change: FieldChange = { field: fieldName(patch.path) || '(entity)' };
    const old = patch.op === 'add' ? undefined : at(op.before, patch.path);
    if (old !== undefined) change.old = old;
    if (patch.value !== undefined && patch.op !== 'remove') change.new = patch.value;
    return change;
  });
}

const MAX_VALUE = 120;

/** A value for a line of text: masked before it is JSON-escaped and cut short, either of which would hide a secret from the masker. */
function formatValue(value: Json | undefined, mask: Masker): string {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(maskJson(value, mask));
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/** `field: old → new`, masked. */
export function changeLine(change: FieldChange, mask: Masker): string {
  const now = change.new === undefined ? '(removed)' : formatValue(change.new, mask);
  return mask(`${change.field}: ${formatValue(change.old, mask)} → ${now}`);
}

export function summaryLine(plan: Plan): string {
  const s = plan.summary;
  if (s.total === 0) return 'No changes: Konnect matches the desired state.';
  const waits = s.wait > 0 ? `, ${s.wait} to wait for` : '';
  return `Plan: ${s.create} to create, ${s.update} to update, ${s.replace} to replace, ${s.delete} to delete${waits}.`;
}

export function headline(op: Operation): string {
  if (op.action === 'wait') return `${SYMBOLS.wait} ${op.reason ?? `wait for ${op.title}`}`;
  // A create or delete has a reason only when a replacement elsewhere causes it (recreated with its parent).
  const note = op.action === 'replace' ? ` (destructive: ${op.reason ?? 'replaced'})` : op.reason && op.action !== 'update' ? ` (${op.reason})` : '';
  // Only entities outside the plan's geo name theirs: a single-geo plan reads as before.
  const geo = op.geo !== undefined ? ` (${op.geo})` : '';
  return `${SYMBOLS[op.action]} ${op.action} ${op.title}${geo}${note}`;
}

/** What goes with a deleted or replaced resource: `takes with it 3: 1 configuration, 2 services (first: ...)`. */
export function scopeLine(op: Operation): string | undefined {
  if (!op.scope) return undefined;
  const counts = Object.entries(op.scope.byKind).map(([kind, count]) => `${count} ${kind.replace(/_/g, ' ')}${count === 1 ? '' : 's'}`);
  const more = op.scope.total > op.scope.first.length ? ', …' : '';
  return `takes with it ${op.scope.total}: ${counts.join(', ')} (${op.scope.first.join(', ')}${more})`;
}

export type Masker = (text: string) => string;

export function maskerFor(options: RenderOptions): Masker {
  return createMasker(options.env ?? []);
}

/** A copy of plain data (a Plan, JSON) with every string masked, object keys included. */
export function maskJson(value: unknown, mask: Masker): unknown {
  if (typeof value === 'string') return mask(value);
  if (Array.isArray(value)) return value.map((item) => maskJson(item, mask));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) out[mask(key)] = maskJson(item, mask);
    return out;
  }
  return value;
}
