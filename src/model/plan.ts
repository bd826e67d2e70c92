import type { Json, JsonObject } from './json.js';
import type { Fingerprint, SourceLocation } from './entity.js';
import type { Geo } from './state.js';
import type { KindName } from '../kinds/kind-names.js';
import type { ApiName } from '../kinds/descriptor.js';

export const PLAN_FORMAT = 'konsync/plan@1';

export type Action = 'create' | 'update' | 'replace' | 'delete' | 'wait';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** RFC 6902 operation as produced by fast-json-patch `compare`. */
export interface PatchOp {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  value?: Json;
  from?: string;
}

/**
 * A request the executor will send. Ids not known at plan time are placeholders resolved at apply time:
 * in `path`, `{$id:kind:key}`; in `body`, an object `{"$id": "kind:key"}` that is replaced by the id string.
 * DECK_ values are stored as `${{ env "DECK_X" }}` and rendered from apply's own environment.
 */
export interface PlannedRequest {
  api: ApiName;
  method: HttpMethod;
  path: string;
  body?: JsonObject;
  /** Statuses that count as success besides 2xx (e.g. 409 "identical configuration" on a configuration PUT). */
  acceptStatuses?: number[];
  /** For creates: the entity whose id the response's `id` becomes (kind:key). */
  captures?: string;
  /** A regional API's request to another geo than the plan's: sent to that geo's host. */
  geo?: Geo;
}

/** Readiness poll for async resources: GET `path` until every value at `statePath` is in `ready`. */
export interface ReadinessCheck {
  api: ApiName;
  path: string;
  /** Dotted path, `[]` walks arrays: `state`, `dataplane_groups[].state`. */
  statePath: string;
  ready: string[];
  failed: string[];
  /** As a request's `geo`: a regional API of another geo than the plan's. */
  geo?: Geo;
}

export interface Operation {
  /** `action:kind:key`: unique and stable, so the same inputs give the same plan. */
  id: string;
  action: Action;
  kind: KindName;
  key: string;
  /** For people: `service payments/orders`. */
  title: string;
  /** Deletes, and replacements (delete then create), lose data or cause downtime. */
  destructive: boolean;
  /** Why: a replace's cause, a rename, the replacement that causes a create or delete, what a wait waits for. */
  reason?: string;
  requests: PlannedRequest[];
  /** For `wait` operations. */
  readiness?: ReadinessCheck;
  /** Model-form change, before → after. */
  patch: PatchOp[];
  before?: JsonObject;
  after?: JsonObject;
  /**
   * Update and replace: the desired model fields the requests encode (`after` is their comparison form; a create's
   * `after` is its model fields). With `before`, `after` and `renamedFrom` they let apply re-derive every request.
   */
  fields?: JsonObject;
  /** The entity's geo when it is not the plan's (a control plane in eu, its entities, its configuration). */
  geo?: Geo;
  /** The live key of an entity renamed through a pinned id: its requests address that key. */
  renamedFrom?: string;
  /** The live entity the operation was computed from; apply refuses the plan if it changed. */
  fingerprint?: Fingerprint;
  dependsOn: string[];
  source?: SourceLocation;
  /** A deleted or replaced platform resource: what goes with it without an operation of its own. */
  scope?: DeleteScope;
}

/** What Konnect deletes along with a resource (a control plane's configuration, domains, gateway entities...). */
export interface DeleteScope {
  total: number;
  /** Count per kind. */
  byKind: Record<string, number>;
  /** The first few, `title key`. */
  first: string[];
}

export interface PlanSummary {
  create: number;
  update: number;
  replace: number;
  delete: number;
  wait: number;
  /** Changes, not counting waits. */
  total: number;
}

export interface Plan {
  format: typeof PLAN_FORMAT;
  /** The default geo: requests and operations without a `geo` of their own go there. */
  geo: Geo;
  /** Control planes (desired or live) that live in another geo than `geo`, by name: where apply looks them up. */
  controlPlaneGeos?: Record<string, Geo>;
  /** Topologically ordered: every operation comes after all of its dependsOn. Ties broken by id. */
  operations: Operation[];
  summary: PlanSummary;
  warnings: string[];
  /** DECK_ variables the plan's bodies reference; apply needs them set. */
  env: string[];
}
