import type { RoutePlugin } from './server.ts';

/** Every feature's routes, in the order they appear in the API document. */
export const routes: RoutePlugin[] = [
];
