// The front of the public module: what other modules may use. Everything else in this folder is its own.
export { publicRoutes } from './public.routes.ts';
