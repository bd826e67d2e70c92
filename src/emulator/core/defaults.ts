import { KONNECT_DEFAULTS } from '../../kinds/konnect-defaults.js';
import { EMULATED_DEFAULTS } from './emulated-defaults.js';
import { isJsonObject, type Json, type JsonObject } from '../../model/json.js';

/**
 * Defaults under body: objects merge recursively, arrays and scalars from the body win. Konnect stores entities as
 * protobuf, where a JSON null is the same as an absent field, so a null in the body also takes the default.
 */
export function withDefaults(defaults: JsonObject, body: JsonObject): JsonObject {
  const out: JsonObject = structuredClone(defaults);
  for (const [key, value] of Object.entries(body)) {
    const fallback = out[key];
    if (value === null && fallback !== undefined) continue;
    out[key] = isJsonObject(value) && isJsonObject(fallback) ? withDefaults(fallback, value) : structuredClone(value);
  }
  return out;
}

/** Konnect leaves null-valued keys out of partial configs (decK #2199). */
export function dropNulls(value: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === null) continue;
    out[key] = isJsonObject(item) ? dropNulls(item) : item;
  }
  return out;
}

export function defaultsFor(key: string, fallback: string): JsonObject {
  return KONNECT_DEFAULTS[key] ?? EMULATED_DEFAULTS[key] ?? KONNECT_DEFAULTS[fallback] ?? {};
}

const SCHEME_PORTS: Record<string, number> = { http: 80, https: 443, grpc: 80, grpcs: 443, ws: 80, wss: 443, tcp: 80, tls: 443 };

/** `url` is write-only: Konnect splits it into protocol, host, port and path and never returns it. */
export function splitServiceUrl(body: JsonObject): JsonObject | string {
  const { url, ...rest } = body;
  if (typeof url !== 'string') return rest;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'url';
  }
  const protocol = parsed.protocol.replace(/:$/, '');
  const port = parsed.port !== '' ? Number(parsed.port) : (SCHEME_PORTS[protocol] ?? 80);
  const path = parsed.pathname === '/' && !/^[a-z]+:\/\/[^/]+\/$/i.test(url) ? null : decodeURI(parsed.pathname);
  return { ...rest, protocol, host: parsed.hostname.replace(/^\[|\]$/g, ''), port, path };
}

/** Kong adds the default port 8000 to a target given without one. */
export function targetWithPort(target: string): string {
  if (target.startsWith('[')) return target.includes(']:') ? target : `${target}:8000`;
  const colons = target.split(':').length - 1;
  if (colons === 1) return target;
  if (colons > 1) return `[${target}]:8000`;
  return `${target}:8000`;
}

/**
 * A plugin linked to a partial at `path` comes back with that config subtree reduced to its keys the partial does
 * not cover, as null (observed on Konnect: RLA `config.redis` → `{redis_proxy_type: null}`).
 */
export function reduceLinkedSubtree(config: JsonObject, path: string, partialKeys: string[]): JsonObject {
  const segments = path.split('.');
  if (segments[0] !== 'config' || segments.length < 2) return config;
  const out = structuredClone(config);
  let parent: JsonObject = out;
  for (const segment of segments.slice(1, -1)) {
    const next = parent[segment];
    if (!isJsonObject(next)) return config;
    parent = next;
  }
  const leaf = segments[segments.length - 1] as string;
  const subtree = parent[leaf];
  if (!isJsonObject(subtree)) return config;
  const kept: JsonObject = {};
  for (const key of Object.keys(subtree)) if (!partialKeys.includes(key)) kept[key] = null as Json;
  parent[leaf] = kept;
  return out;
}
