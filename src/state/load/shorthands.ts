import type { Problem } from '../../errors.js';
import { isJsonObject, type Json } from '../../model/json.js';
import { kindOf } from '../../kinds/registry.js';
import type { KindName } from '../../kinds/kind-names.js';
import { displayName, type DraftEntity } from './draft.js';
import { problemAt } from './parse-source.js';

type Shorthand = (draft: DraftEntity) => string | undefined;

const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443, grpc: 80, grpcs: 443, ws: 80, wss: 443 };

/** decK's service `url`: protocol, host, port and path in one string. */
const serviceUrl: Shorthand = ({ fields }) => {
  if (typeof fields.url !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(fields.url);
  } catch {
    return `url "${fields.url}" is not a valid URL`;
  }
  const spelled = ['protocol', 'host', 'port', 'path'].filter((name) => fields[name] !== undefined);
  if (spelled.length > 0) return `set either url or ${spelled.join('/')}, not both`;
  const rawPath = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(\/[^?#]*)?/i.exec(fields.url)?.[1];
  const protocol = url.protocol.replace(/:$/, '');
  delete fields.url;
  fields.protocol = protocol;
  fields.host = url.hostname;
  const port = url.port !== '' ? Number(url.port) : DEFAULT_PORTS[protocol];
  if (port !== undefined) fields.port = port;
  if (rawPath !== undefined && rawPath !== '') fields.path = rawPath;
  return undefined;
};

/** Shorthands that are one kind's file syntax only (the rest of the loader never names a kind). */
const SHORTHANDS: Partial<Record<KindName, Shorthand[]>> = { service: [serviceUrl] };

/** decK writes a reference as a name or as `{name}`/`{id}`/`{username}`; the model holds one string. */
function referenceString(value: Json): Json {
  if (!isJsonObject(value)) return value;
  for (const name of ['name', 'username', 'custom_id', 'id']) if (typeof value[name] === 'string') return value[name] as string;
  return value;
}

/**
 * Rewrites decK's shorthands into model fields: service `url`, object references, and list links such as a plugin's
 * `partials: [{id}]` (the id stands in for the name until it is resolved).
 */
export function expandShorthands(draft: DraftEntity): Problem[] {
  const problems: Problem[] = [];
  const descriptor = kindOf(draft.kind);
  const report = (sub: Array<string | number>, message: string) => problems.push(problemAt(draft.file.source, [...draft.path, ...sub], message));
  for (const shorthand of SHORTHANDS[draft.kind] ?? []) {
    const message = shorthand(draft);
    if (message) report([], message);
  }
  for (const ref of descriptor.refs) {
    const segments = ref.path.split('.');
    if (segments.length === 1 && !ref.path.endsWith('[]')) {
      const value = draft.fields[ref.path];
      if (value !== undefined) draft.fields[ref.path] = referenceString(value);
      continue;
    }
    const link = /^(\w+)\[\]\.name$/.exec(ref.path);
    const list = link ? draft.fields[link[1]!] : undefined;
    if (!link || !Array.isArray(list)) continue;
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
        report([link[1]!, index], `${target} for ${descriptor.title} ${displayName(draft.fields)}: either ${target} ID or name is required`);
      } else {
        report([link[1]!, index], `${target} for ${descriptor.title} ${displayName(draft.fields)}: missing required fields - name or id`);
      }
    });
  }
  return problems;
}
