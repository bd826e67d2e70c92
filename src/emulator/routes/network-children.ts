import type { EmuRequest, EmuResponse, EmulatorContext, Route } from '../types.js';
import type { JsonObject } from '../../model/json.js';
import { bodyOf, bump, clone, finder, iso, type PlatformEnv } from '../env.js';
import { ENUM_OPS, STRING_OPS, listResponse } from '../list.js';
import { GONE, READY, schedule, terminate, transitionKey } from '../lifecycle.js';
import { conflict, invalid, json, noContent, notFound } from '../problem.js';
import { validateBody } from '../validate.js';
import { providerOf } from './networks.js';
import { attachmentRules, type ChildKind } from './attachments.js';

const API = 'cloud-gateways';
const FILTERS = { name: STRING_OPS, state: ENUM_OPS };

function store(ctx: EmulatorContext, kind: ChildKind): Record<string, Record<string, JsonObject>> {
  return kind.resource === 'tgw' ? ctx.data.transitGateways : ctx.data.privateDns;
}

function create(ctx: EmulatorContext, kind: ChildKind, request: EmuRequest, network: JsonObject): EmuResponse {
  const rejected = validateBody(API, kind.createSchema, request.body);
  if (rejected) return rejected;
  const body = bodyOf(request);
  if (network.state !== 'ready') return invalid(API, 'networkId', `network ${String(network.id)} is not ready`, 'invalid', 'path');
  const config = body[kind.configField] as JsonObject;
  const provider = providerOf(ctx, network) ?? '';
  if (!String(config.kind).startsWith(`${provider}-`)) {
    return invalid(API, `${kind.configField}.kind`, `${String(config.kind)} is not supported on a ${provider} network`);
  }
  const missing = kind.checkCreate(body);
  if (missing) return missing;
  const siblings = store(ctx, kind)[String(network.id)] ?? {};
  if (Object.values(siblings).some((sibling) => sibling.name === body.name)) {
    return conflict(`${kind.title} with name '${String(body.name)}' already exists in this network.`);
  }
  const id = ctx.newId();
  const now = iso(ctx);
  const item: JsonObject = {
    id,
    ...kind.initial(body, id),
    state: 'initializing',
    state_metadata: {},
    entity_version: 1,
    created_at: now,
    updated_at: now,
  };
  store(ctx, kind)[String(network.id)] = { ...siblings, [id]: item };
  schedule(ctx, transitionKey(kind.resource, String(network.id), id), READY);
  return json(201, clone(item));
}

function update(ctx: EmulatorContext, kind: ChildKind, request: EmuRequest, network: JsonObject, item: JsonObject): EmuResponse {
  const rejected = validateBody(API, kind.patchSchema, request.body);
  if (rejected) return rejected;
  // Without this a PATCH would overwrite the pending removal and bring the item back.
  if (item.state === 'terminating') return conflict(`${kind.title} '${String(item.id)}' is being deleted and cannot be updated.`);
  const body = bodyOf(request);
  const refused = kind.applyPatch(item, body);
  if (refused) return refused;
  if (typeof body.name === 'string') {
    const siblings = Object.values(store(ctx, kind)[String(network.id)] ?? {});
    if (siblings.some((sibling) => sibling.name === body.name && sibling.id !== item.id)) {
      return conflict(`${kind.title} with name '${body.name}' already exists in this network.`);
    }
    item.name = body.name;
  }
  item.state = 'initializing';
  bump(ctx, item);
  schedule(ctx, transitionKey(kind.resource, String(network.id), String(item.id)), READY);
  return json(200, clone(item));
}

function remove(ctx: EmulatorContext, kind: ChildKind, network: JsonObject, item: JsonObject): EmuResponse {
  terminate(ctx, item, transitionKey(kind.resource, String(network.id), String(item.id)));
  return noContent;
}

function applier(kind: ChildKind) {
  return (ctx: EmulatorContext, ids: string[], state: string): void => {
    const [networkId = '', id = ''] = ids;
    const items = store(ctx, kind)[networkId];
    const item = items?.[id];
    if (!items || !item) return;
    if (state === GONE) {
      delete items[id];
      return;
    }
    if (item.state !== 'initializing') return;
    item.state = 'ready';
    kind.onReady?.(item);
    bump(ctx, item);
  };
}

function routesFor(env: PlatformEnv, kind: ChildKind): Route[] {
  const { ctx } = env;
  env.lifecycles.register(kind.resource, applier(kind));
  const base = `/cloud-gateways/networks/:networkId/${kind.path}`;
  type Handler = (request: EmuRequest, network: JsonObject, item: JsonObject) => EmuResponse;
  const withNetwork = finder((params) => ctx.data.networks[params.networkId ?? ''], () => notFound(API));
  const withItem = (handler: Handler) => (request: EmuRequest, params: Record<string, string>) => {
    const network = ctx.data.networks[params.networkId ?? ''];
    const item = network ? store(ctx, kind)[String(network.id)]?.[params.id ?? ''] : undefined;
    return network && item ? handler(request, network, item) : notFound(API);
  };
  return [
    { method: 'POST', pattern: base, handler: withNetwork((request, network) => create(ctx, kind, request, network)) },
    {
      method: 'GET',
      pattern: base,
      handler: withNetwork((request, network) => listResponse(API, Object.values(store(ctx, kind)[String(network.id)] ?? {}).map(clone), request, FILTERS)),
    },
    { method: 'GET', pattern: `${base}/:id`, handler: withItem((_request, _network, item) => json(200, clone(item))) },
    { method: 'PATCH', pattern: `${base}/:id`, handler: withItem((request, network, item) => update(ctx, kind, request, network, item)) },
    { method: 'DELETE', pattern: `${base}/:id`, handler: withItem((_request, network, item) => remove(ctx, kind, network, item)) },
  ];
}

/** Transit gateways and private DNS under a network. */
export function networkChildRoutes(env: PlatformEnv): Route[] {
  return attachmentRules().flatMap((kind) => routesFor(env, kind));
}
