import type { EmuRequest, EmuResponse, EmulatorContext, Route } from '../types.js';
import type { JsonObject } from '../../model/json.js';
import { bodyOf, bump, clone, finder, iso, type PlatformEnv } from '../env.js';
import { ENUM_OPS, STRING_OPS, listResponse } from '../list.js';
import { GONE, READY, schedule, terminate, transitionKey } from '../lifecycle.js';
import { conflict, invalid, json, noContent, notFound } from '../problem.js';
import { createCustomDomainSchema } from '../schemas/cloud-gateways.js';
import { validateBody } from '../validate.js';
import { inGeo } from '../geos.js';

const API = 'cloud-gateways';
const FILTERS = { control_plane_id: ENUM_OPS, control_plane_geo: ENUM_OPS, domain: STRING_OPS, state: ENUM_OPS };
const FQDN = /^(?=.{1,253}$)(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

function create(ctx: EmulatorContext, request: EmuRequest): EmuResponse {
  const rejected = validateBody(API, createCustomDomainSchema, request.body);
  if (rejected) return rejected;
  const body = bodyOf(request);
  const domain = String(body.domain);
  if (!FQDN.test(domain)) return invalid(API, 'domain', 'domain must be a valid fully qualified domain name', 'is_fqdn');
  const controlPlaneId = String(body.control_plane_id);
  const controlPlane = ctx.data.controlPlanes[controlPlaneId];
  // A control plane of another geo is not found in the one named, as in Konnect.
  if (!controlPlane || !inGeo(ctx, controlPlaneId, body.control_plane_geo)) return notFound(API, `Control plane '${controlPlaneId}' not found in geo '${String(body.control_plane_geo)}'`);
  if ((controlPlane.config as JsonObject).cloud_gateway !== true) {
    return invalid(API, 'control_plane_id', 'control plane is not a cloud gateway control plane');
  }
  if (Object.values(ctx.data.customDomains).some((existing) => existing.domain === domain)) {
    return conflict(`Custom domain '${domain}' already exists.`);
  }
  const id = ctx.newId();
  const now = iso(ctx);
  const customDomain: JsonObject = {
    id,
    control_plane_id: controlPlaneId,
    control_plane_geo: body.control_plane_geo ?? 'us',
    domain,
    certificate_id: null,
    sni_id: null,
    state: 'initializing',
    state_metadata: {},
    entity_version: 1,
    created_at: now,
    updated_at: now,
    kind: body.kind ?? 'dedicated.v0',
  };
  ctx.data.customDomains[id] = customDomain;
  schedule(ctx, transitionKey('domain', id), READY);
  return json(201, clone(customDomain));
}

function remove(ctx: EmulatorContext, customDomain: JsonObject): EmuResponse {
  terminate(ctx, customDomain, transitionKey('domain', String(customDomain.id)));
  return noContent;
}

/** Ready: Konnect puts the domain's certificate and SNI into the control plane; gone: it takes them out. */
function applier(env: PlatformEnv) {
  return (ctx: EmulatorContext, ids: string[], state: string): void => {
    const customDomain = ctx.data.customDomains[ids[0] ?? ''];
    if (!customDomain) return;
    const controlPlaneId = String(customDomain.control_plane_id);
    const controlPlaneExists = ctx.data.controlPlanes[controlPlaneId] !== undefined;
    if (state === GONE) {
      if (controlPlaneExists && (customDomain.certificate_id !== null || customDomain.sni_id !== null)) {
        env.hooks.deleteDomainCertificate(ctx, controlPlaneId, customDomain.certificate_id as string | null, customDomain.sni_id as string | null);
      }
      delete ctx.data.customDomains[String(customDomain.id)];
      return;
    }
    if (customDomain.state !== 'initializing' || !controlPlaneExists) return;
    const created = env.hooks.createDomainCertificate(ctx, controlPlaneId, String(customDomain.domain));
    customDomain.certificate_id = created.certificate_id;
    customDomain.sni_id = created.sni_id;
    customDomain.state = 'ready';
    customDomain.state_metadata = { reported_status: 'ready' };
    bump(ctx, customDomain);
  };
}

export function customDomainRoutes(env: PlatformEnv): Route[] {
  const { ctx } = env;
  env.lifecycles.register('domain', applier(env));
  const withDomain = finder((params) => ctx.data.customDomains[params.customDomainId ?? ''], () => notFound(API));
  return [
    { method: 'POST', pattern: '/cloud-gateways/custom-domains', handler: (request) => create(ctx, request) },
    {
      method: 'GET',
      pattern: '/cloud-gateways/custom-domains',
      handler: (request) => listResponse(API, Object.values(ctx.data.customDomains).map(clone), request, FILTERS),
    },
    { method: 'GET', pattern: '/cloud-gateways/custom-domains/:customDomainId', handler: withDomain((_request, found) => json(200, clone(found))) },
    { method: 'DELETE', pattern: '/cloud-gateways/custom-domains/:customDomainId', handler: withDomain((_request, found) => remove(ctx, found)) },
    {
      method: 'GET',
      pattern: '/cloud-gateways/custom-domains/:customDomainId/online-status',
      handler: withDomain((_request, found) => {
        const status = found.state === 'ready' ? 'verified' : 'unverified';
        return json(200, { cname: status, ssl: status });
      }),
    },
  ];
}
