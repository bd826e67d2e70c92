// Konnect's (Kong's) rule that a traditional route matches on something, per protocol family. Shared by the loader
// (`validate`, offline) and the emulator (at write time).
import { isJsonObject, type Json, type JsonObject } from '../../model/json.js';

/** Matchers each protocol accepts (Kong's routes subschemas: http, grpc, stream, tls_passthrough). */
const MATCHERS: Record<string, string[]> = {
  http: ['methods', 'hosts', 'headers', 'paths'],
  https: ['methods', 'hosts', 'headers', 'paths', 'snis'],
  ws: ['hosts', 'headers', 'paths'],
  wss: ['hosts', 'headers', 'paths', 'snis'],
  grpc: ['hosts', 'headers', 'paths'],
  grpcs: ['hosts', 'headers', 'paths', 'snis'],
  tcp: ['sources', 'destinations'],
  udp: ['sources', 'destinations'],
  tls: ['sources', 'destinations', 'snis'],
  tls_passthrough: ['snis'],
};
const DEFAULT_PROTOCOLS = ['http', 'https'];

function isSet(value: Json | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isJsonObject(value)) return Object.keys(value).length > 0;
  return true;
}

/** Why a route cannot match anything, or undefined. Expression routes match by their expression. */
export function routeMatcherProblem(route: JsonObject): string | undefined {
  if (isSet(route.expression)) return undefined;
  const protocols = Array.isArray(route.protocols) && route.protocols.length > 0 ? route.protocols.map(String) : DEFAULT_PROTOCOLS;
  // Checked before anything is built: every route of a big file passes here.
  for (const protocol of protocols) for (const field of MATCHERS[protocol] ?? []) if (isSet(route[field])) return undefined;
  const allowed = [...new Set(protocols.flatMap((protocol) => MATCHERS[protocol] ?? []))];
  if (allowed.length === 0) return undefined;
  return `must set one of ${allowed.map((field) => `'${field}'`).join(', ')} when 'protocols' is ${protocols.map((p) => `'${p}'`).join(', ')}`;
}
