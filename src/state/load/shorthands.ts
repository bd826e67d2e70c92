import type { Problem } from '../../errors.js';
import { isJsonObject, type Json } from '../../model/json.js';
import { kindOf } from '../../kinds/registry.js';
import { displayName, type DraftEntity } from './draft.js';
import { problemAt } from './parse-source.js';


const REFERENCE_NAMES = ['name', 'username', 'custom_id', 'id'];

/** decK writes a reference as a name or as `{name}`/`{id}`/`{username}`; the model holds one string. */
function referenceString(value: Json): Json {
  if (!isJsonObject(value)) return value;
  for (const name of REFERENCE_NAMES) if (typeof value[name] === 'string') return value[name] as string;
  return value;
}

/** The descriptors' few reference paths, read once: shorthands are expanded for every entity. */
const SHAPES = new Map<string, 'field' | { list: string } | undefined>();

/** What a RefSpec path is: one field (`service`), a list of `{name}` links (`partials[].name`: its list), or other. */
function referenceShape(path: string): 'field' | { list: string } | undefined {
  let shape = SHAPES.get(path);
  if (shape === undefined && !SHAPES.has(path)) {
    const link = /^(\w+)\[\]\.name$/.exec(path);
    shape = !path.includes('.') && !path.endsWith('[]') ? 'field' : link ? { list: link[1]! } : undefined;
    SHAPES.set(path, shape);
  }
  return shape;
}

/**
 * Rewrites decK's shorthands into model fields: service `url`, object references, and list links such as a plugin's
 * `partials: [{id}]` (the id stands in for the name until it is resolved). Problems are added to `problems`.
 */
export function expandShorthands(draft: DraftEntity, problems: Problem[]): void {
  const descriptor = kindOf(draft.kind);
  const report = (sub: Array<string | number>, message: string) => problems.push(problemAt(draft.file.source, [...draft.path, ...sub], message));
  const message = descriptor.file.expand?.(draft.fields);
  if (message) report([], message);
  const asSent = descriptor.storedAsSent;
  if (asSent && draft.file.header.storeAsSent && draft.fields[asSent.field] !== undefined) {
    draft.fields[asSent.as] = draft.fields[asSent.field]!;
    delete draft.fields[asSent.field];
    draft.writtenAs = { ...draft.writtenAs, [asSent.as]: asSent.field };
  }
  for (const ref of descriptor.refs) {
    const shape = referenceShape(ref.path);
    if (shape === 'field') {
      const value = draft.fields[ref.path];
      if (value !== undefined) draft.fields[ref.path] = referenceString(value);
      continue;
    }
    const list = shape !== undefined ? draft.fields[shape.list] : undefined;
    if (shape === undefined || !Array.isArray(list)) continue;
    list.forEach((item, index) => {
      if (!isJsonObject(item) || typeof item.name === 'string') {
        if (isJsonObject(item)) delete item.id;
        return;
      }
      const target = kindOf(ref.kind).title;
      if (typeof item.id === 'string') {
        item.name = item.id;
        delete item.id;
      } else if ('id' in item) {
        report([shape.list, index], `${target} for ${descriptor.title} ${displayName(draft.fields)}: either ${target} ID or name is required`);
      } else {
        report([shape.list, index], `${target} for ${descriptor.title} ${displayName(draft.fields)}: missing required fields - name or id`);
      }
    });
  }
}
