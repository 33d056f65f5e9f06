// The front of the identifiers module: what other modules may use. Everything else in this folder is its own.
export { identifierRoutes } from './identifiers.routes.ts';
