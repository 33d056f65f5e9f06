import type { RoutePlugin } from './server.ts';
import { subjectsRoutes } from '../modules/subjects/subjects.routes.ts';
import { entriesRoutes } from '../modules/entries/entries.routes.ts';

/** Every feature's routes, in the order they appear in the API document. */
export const routes: RoutePlugin[] = [
  subjectsRoutes,
  entriesRoutes,
];
