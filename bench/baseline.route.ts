import type { RoutePlugin } from '../src/modules/shared/http.ts';

const ANSWER = Object.freeze({ ok: true });

/**
 * The framework's floor for the check's request shape: a bare POST route in the same server, behind the same
 * hooks (it is public, so the authentication hook returns at once), whose body Fastify parses as JSON, answering a
 * constant JSON. Registered only by bench/bench-server.ts; hidden from the API document.
 */
export const baselineRoutes: RoutePlugin = (app) => {
  app.post('/bench/baseline', { config: { public: true }, schema: { hide: true } }, async () => ANSWER);
};
