export { KonnectClient, type KonnectClientOptions } from './client.js';
export { Scheduler, type ScheduledJob, type JobResult, type SchedulerStats } from './scheduler.js';
export { ApiError, KonnectConnectionError } from './api-error.js';
export { resolveToken, TokenError, type TokenSource } from './token.js';
export { baseUrl, GLOBAL_BASE, regionalBase, isGeo } from './base-urls.js';
export { systemClock, type Clock } from './clock.js';
export { ManualClock } from './manual-clock.js';
export * from './policy.js';
export type * from './types.js';
