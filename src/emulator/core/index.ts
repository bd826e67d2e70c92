export { coreRoutes, CORE_BASE } from './routes.js';
export { coreHooks } from './hooks.js';
