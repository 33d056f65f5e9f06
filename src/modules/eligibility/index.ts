// The front of the eligibility module: what other modules may use. Everything else in this folder is its own.
export { eligibilityRoutes } from './eligibility.routes.ts';
