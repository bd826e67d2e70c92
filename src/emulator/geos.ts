// Several geos in one emulator, as Konnect's hosts: `/v2` is the global host and the us host, `/<geo>/v2` the host
// of another geo's regional APIs (control planes and their core entities). A control plane lives in the geo it was
// created in; elsewhere it does not exist.
import { GEOS, type Geo } from '../model/state.js';
import { EMULATOR_PLAIN_GEO } from '../konnect/base-urls.js';
import type { EmuRequest, EmuResponse, EmulatorContext } from './types.js';
import { notFound, problem } from './problem.js';

const PLAIN = '/v2';

/** The API part of a URL path: its geo, whether a geo prefix named it, and the path relative to `/v2`. */
export interface ApiPath {
  geo: Geo;
  geoHost: boolean;
  path: string;
}

export function splitApiPath(pathname: string): ApiPath | undefined {
  if (pathname.startsWith(`${PLAIN}/`)) return { geo: EMULATOR_PLAIN_GEO, geoHost: false, path: pathname.slice(PLAIN.length) };
  const match = /^\/([a-z]+)\/v2(\/.*)$/.exec(pathname);
  const geo = GEOS.find((one) => one === match?.[1]);
  return geo === undefined ? undefined : { geo, geoHost: true, path: match![2]! };
}

export function controlPlaneGeo(ctx: EmulatorContext, id: string): Geo {
  return ctx.data.controlPlaneGeos?.[id] ?? EMULATOR_PLAIN_GEO;
}

export function placeControlPlane(ctx: EmulatorContext, id: string, geo: Geo | undefined): void {
  if (geo === undefined || geo === EMULATOR_PLAIN_GEO) return;
  ctx.data.controlPlaneGeos = { ...(ctx.data.controlPlaneGeos ?? {}), [id]: geo };
}

export function forgetControlPlane(ctx: EmulatorContext, id: string): void {
  if (ctx.data.controlPlaneGeos) delete ctx.data.controlPlaneGeos[id];
}

/** The geo a request reached (the plain `/v2` is us). */
export const requestGeo = (request: EmuRequest): Geo => request.geo ?? EMULATOR_PLAIN_GEO;

/**
 * What a geo's host answers before routing: the global API is not there (404, no route), and a control plane of
 * another geo is unknown, exactly as one that does not exist.
 */
export function geoRefusal(ctx: EmulatorContext, request: EmuRequest): EmuResponse | undefined {
  if (request.geoHost && request.path.startsWith('/cloud-gateways/')) {
    return problem(404, 'Not Found', `No route matches ${request.method} ${request.path} on the ${requestGeo(request)} host: Cloud Gateways is global`);
  }
  const id = /^\/control-planes\/([^/]+)/.exec(request.path)?.[1];
  if (id === undefined || ctx.data.controlPlanes[id] === undefined) return undefined;
  return controlPlaneGeo(ctx, id) === requestGeo(request) ? undefined : notFound('control-planes');
}

/** Whether a body's `*_geo` names the geo the control plane lives in (Konnect 404s the owner otherwise). */
export function inGeo(ctx: EmulatorContext, controlPlaneId: string, geo: unknown): boolean {
  return controlPlaneGeo(ctx, controlPlaneId) === geo;
}
