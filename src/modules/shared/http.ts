import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from './actor.ts';
import type { ModuleContext } from './context.ts';
import { unauthorized } from './errors.ts';

/**
 * The HTTP kit every module's routes are written with. The server itself (plugins, hooks, error answers) is built by
 * the composition root, src/app/server.ts.
 */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** A module's routes: `(app, ctx) => { app.get(...) }`; `C` names the services they use. */
export type RoutePlugin<C = ModuleContext> = (app: App, ctx: C) => void | Promise<void>;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** No token or key needed. */
    public?: boolean;
    /** Callable by a user who must change their password first (me, password change, logout). */
    allowWithPasswordChange?: boolean;
    /** Error statuses this route answers beyond the route kit's rule (src/app/route-kit.ts), e.g. 422 on a read. */
    errorAnswers?: number[];
  }
}

/** The authenticated caller; routes marked public must not call it. */
export function actorOf(request: { actor: Actor | null }): Actor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}

/** A use case's dependencies for one request: the module's services and the caller (`deps(req)` in a route). */
export const withActor =
  <C extends object>(ctx: C) =>
  (request: { actor: Actor | null }): C & { actor: Actor } => ({ ...ctx, actor: actorOf(request) });
