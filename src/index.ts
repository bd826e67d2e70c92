// konsync's library API: what `import ... from 'konsync'` gives. Everything else under dist/ is internal and may
// change in any release; this file is the semver surface (README, "Versioning").

// Files → desired state → live state → plan → applied.
export { loadState, loadDocuments, type LoadOptions, type SourceText } from './state/load/index.js';
export { readLiveState, type ReadOptions } from './state/read/index.js';
export { buildPlan, createPlanner, type Planner } from './diff/index.js';
export {
  executePlan,
  type ExecuteOptions,
  type ExecutionReport,
  type OperationOutcome,
  type OperationResult,
  type ProgressEvent,
} from './executor/index.js';

// Saved plans, and the renderers `plan`, `diff` and `show` print with.
export { readPlanFile, serializePlan } from './cli/plan-file.js';
export { renderPlanText } from './render/render-plan-text.js';
export { renderPlanMarkdown } from './render/render-plan-markdown.js';
export { renderPlanGithub } from './render/render-plan-github.js';
export { renderPlanJson } from './render/render-plan-json.js';
export type { RenderOptions } from './render/plan-changes.js';

// The Konnect client and its network layer.
export { KonnectClient, type KonnectClientOptions } from './konnect/client.js';
export { createFetchTransport, createDispatcher, type NetworkOptions, type Transport, type TransportRequest, type TransportResponse } from './konnect/transport.js';
export { ApiError, KonnectConnectionError } from './konnect/api-error.js';
export { NetworkError } from './konnect/network-error.js';
export { resolveToken, TokenError, type TokenSource } from './konnect/token.js';
export type { SchedulerOptions, RetryPolicy, UnannouncedLimitPolicy } from './konnect/policy.js';
export type { KonnectApi, ApiRequest, ApiResponse, ClientStats } from './konnect/types.js';

// The local Konnect emulator (tests, demos, CI without an account).
export { startEmulator, DEFAULT_TOKEN as EMULATOR_TOKEN, type EmulatorOptions, type RunningEmulator } from './emulator/index.js';

// The data the steps exchange, and the errors they throw.
export { PLAN_FORMAT, type Plan, type Operation, type PlanSummary, type Action } from './model/plan.js';
export { GEOS, type Geo, type DesiredState, type LiveState, type EnvUse } from './model/state.js';
export type { Entity } from './model/entity.js';
export type { Json, JsonObject } from './model/json.js';
export { KonsyncError, ValidationError, PlanError, StalePlanError, formatProblem, type Problem } from './errors.js';
export { konsyncVersion } from './version.js';
