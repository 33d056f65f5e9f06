// The front of the disclosure module: what other modules may use. Everything else in this folder is its own.
export { disclosureRoutes } from './disclosure.routes.ts';
