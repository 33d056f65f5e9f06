// The front of the health module: what other modules may use. Everything else in this folder is its own.
export { healthRoutes } from './health.routes.ts';
