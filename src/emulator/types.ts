import type { JsonObject } from '../model/json.js';
import type { Geo } from '../model/state.js';

/** A request as handlers see it. `path` is relative to `/v2`, without the query string. */
export interface EmuRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** Parsed JSON body (undefined when there is none, or when it is not JSON). */
  body: unknown;
  /** The body was not JSON: answered with a 400 once auth and routing have passed, as Konnect's gateway orders them. */
  malformedBody?: true;
  /** The body was declared as this non-JSON media type: a 415, in the same place as `malformedBody`. */
  unsupportedType?: string;
  headers: Record<string, string | string[] | undefined>;
  /** The geo whose host the request reached (`/<geo>/v2`); absent: the plain `/v2`, the global and us host. */
  geo?: Geo;
  /** Reached through a `/<geo>/v2` prefix: a regional host only. */
  geoHost?: true;
}

export interface EmuResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (request: EmuRequest, params: Record<string, string>) => EmuResponse | Promise<EmuResponse>;

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** `/control-planes/:controlPlaneId/core-entities/services/:id`; params are URL-decoded. */
  pattern: string;
  handler: Handler;
}

/** Core entities of one control plane: collection name (`services`, `custom-plugins`...) → id → stored object. */
export type CoreCollections = Record<string, Record<string, JsonObject>>;

/**
 * Everything the emulator stores: plain JSON, saved atomically to --data and reloaded on start.
 * Platform part: owned by the platform module. `core`: owned by the core-entities module.
 */
export interface EmulatorData {
  version: 1;
  providerAccounts: Record<string, JsonObject>;
  controlPlanes: Record<string, JsonObject>;
  /** control plane id → its geo, for those not in us (`src/emulator/geos.ts`). */
  controlPlaneGeos?: Record<string, Geo>;
  /** group id → member control plane ids. */
  memberships: Record<string, string[]>;
  networks: Record<string, JsonObject>;
  /** network id → transit gateway id → object. */
  transitGateways: Record<string, Record<string, JsonObject>>;
  privateDns: Record<string, Record<string, JsonObject>>;
  /** control plane id → configuration manifest. */
  configurations: Record<string, JsonObject>;
  customDomains: Record<string, JsonObject>;
  addOns: Record<string, JsonObject>;
  /** control plane id → its core entities. */
  core: Record<string, CoreCollections>;
  /** Async lifecycles: resource id → when it becomes ready / terminated (ms since epoch). */
  transitions: Record<string, { state: string; at: number }>;
}

/** What every emulator module is given. */
export interface EmulatorContext {
  data: EmulatorData;
  /** Emulator clock in ms (tests may control it). */
  now(): number;
  /** A new UUID (seeded when a seed is given). */
  newId(): string;
  provisionMs: number;
  /** Marks data as changed (persisted soon after). */
  touch(): void;
}

/**
 * The core-entities module's hooks for platform behaviours that reach into a control plane.
 * OWNER: core-entities module (src/emulator/core/), called by the platform module.
 */
export interface CoreHooks {
  /** A custom domain became ready: create its certificate and SNI in the control plane, return their ids. */
  createDomainCertificate(ctx: EmulatorContext, controlPlaneId: string, domain: string): { certificate_id: string; sni_id: string };
  /** A custom domain was deleted: remove its certificate and SNI. */
  deleteDomainCertificate(ctx: EmulatorContext, controlPlaneId: string, certificateId: string | null, sniId: string | null): void;
  /** A control-plane-owned managed cache was created: add the `konnect-managed-<uuid>` redis-ee partial. */
  createManagedCachePartial(ctx: EmulatorContext, controlPlaneId: string, addOnId: string): string;
  /** Plugins (in these control planes) linked to partials that read this add-on's cache. Non-empty blocks DELETE. */
  pluginsUsingAddOn(ctx: EmulatorContext, controlPlaneIds: string[], addOnId: string): string[];
  /** The control plane was deleted: drop its core entities. */
  dropControlPlane(ctx: EmulatorContext, controlPlaneId: string): void;
}
