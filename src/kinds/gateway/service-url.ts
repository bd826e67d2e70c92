import type { JsonObject } from '../../model/json.js';

const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443, grpc: 80, grpcs: 443, ws: 80, wss: 443 };

/** decK's service `url`: protocol, host, port and path in one string. */
export function expandServiceUrl(fields: JsonObject): string | undefined {
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
}
