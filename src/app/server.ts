import { constants as zlib } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { type Actor, type App, type RoutePlugin, unauthorized } from '../modules/shared/index.ts';
import { passwordChangeRequired } from '../modules/auth/index.ts';
import { messagePage, notFoundMessage, PAGE_ROUTES, pageError } from '../modules/portal/index.ts';
import type { AppContext } from './context.ts';
import { envelope, errorHandler } from './http-errors.ts';
import { RateLimiter } from './rate-limit.ts';
import { completeRoute, validatorCompiler } from './route-kit.ts';

export interface ServerOptions {
  routes: RoutePlugin<AppContext>[];
  authenticate(request: { headers: Record<string, string | string[] | undefined> }): Promise<Actor | null>;
}

export const API_INFO = {
  title: 'CredLink 信联 API',
  description:
    '联合奖惩信用信息系统接口：名单目录、名单记录、嵌入式联合奖惩核查。错误统一返回 { error: { code, message, details? } }。',
  version: '1.0.0',
};

/**
 * The contract's security headers, on every answer. No inline script anywhere (templates and the web build load
 * scripts from files), so script-src needs no nonce; antd writes <style> tags, hence 'unsafe-inline' for styles.
 * The /docs Swagger UI loads its scripts and styles from files too, so the same policy serves it.
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
    "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
};

/** Paths a browser reads: an unknown one is answered with a page, not the API's JSON 404. */
export const isApiPath = (url: string) =>
  url.startsWith('/api/') || url === '/api' || url.startsWith('/docs') || url.startsWith('/openapi.json');

/** Public routes every visitor may call often without being counted: health probes and static files. */
const UNCOUNTED = new Set(['/healthz', '/readyz', '/openapi.json']);

export async function buildServer(ctx: AppContext, options: ServerOptions): Promise<App> {
  const app = Fastify({
    loggerInstance: ctx.log,
    bodyLimit: 4 * 1024 * 1024,
    requestIdHeader: false,
    genReqId: () => Math.random().toString(36).slice(2, 10),
    // request.ip is the socket's address unless it is one of these proxies (decision 0003: the login throttle).
    ...(ctx.config.trustProxy.length > 0 ? { trustProxy: ctx.config.trustProxy } : {}),
  }).withTypeProvider<ZodTypeProvider>() as App;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error: FastifyError, request, reply) => {
    // The reading pages answer their errors as pages; everything else (the API) keeps the JSON envelope.
    if (!PAGE_ROUTES.has(request.routeOptions.url ?? '')) return errorHandler(error, request, reply);
    const { status, message } = pageError(error);
    if (status >= 500) request.log.error({ err: { type: error.name, message: error.message } }, 'page failed');
    return reply
      .code(status)
      .type('text/html; charset=utf-8')
      .send(messagePage(ctx.site.name(), status, message));
  });
  app.setNotFoundHandler((request, reply) => {
    if (isApiPath(request.url))
      return reply.code(404).send({ error: { code: 'route.not_found', message: '请求的接口不存在。' } });
    return reply
      .code(404)
      .type('text/html; charset=utf-8')
      .send(messagePage(ctx.site.name(), 404, notFoundMessage));
  });
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(SECURITY_HEADERS);
  });
  // Public endpoints and pages, per client address (request.ip honours trustProxy above).
  if (ctx.config.publicRateLimit > 0) {
    const limiter = new RateLimiter(ctx.config.publicRateLimit, ctx.config.publicRateWindowSeconds * 1000);
    app.addHook('onRequest', async (request, reply) => {
      const url = request.routeOptions.url;
      if (!request.routeOptions.config?.public || !url || UNCOUNTED.has(url) || url.startsWith('/docs')) return;
      if (url.startsWith('/static/') || url.startsWith('/assets/')) return;
      const wait = limiter.hit(request.ip, ctx.clock.now().getTime());
      if (wait === null) return;
      reply.code(429).header('retry-after', String(wait)).header('cache-control', 'no-store');
      const message = `访问过于频繁，请在 ${wait} 秒后再试。`;
      if (!PAGE_ROUTES.has(url)) return reply.send(envelope('request.rate_limited', message, { retryAfter: wait }));
      return reply.type('text/html; charset=utf-8').send(messagePage(ctx.site.name(), 429, message));
    });
  }
  // Brotli or gzip for whatever the client accepts; brotli at quality 4 (its default, 11, costs more time than it
  // saves bytes on pages rendered per request).
  await app.register(fastifyCompress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
  });
  app.decorateRequest('actor', null);
  // Before any route is declared (and before the API document collects them): see route-kit.ts.
  app.addHook('onRoute', completeRoute);
  // Action endpoints without a body (POST …/acceptance) are often called with a JSON content type and nothing else:
  // an empty body is no body. Anything else must be valid JSON.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = body as string;
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(
        Object.assign(new Error('invalid JSON'), { code: 'FST_ERR_CTP_INVALID_JSON_BODY', statusCode: 400 }),
        undefined,
      );
    }
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: API_INFO,
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: '登录令牌（POST /api/v1/auth/login）或部门系统 API 密钥',
          },
        },
      },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });

  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    if (config?.public || !request.routeOptions.url || request.routeOptions.url.startsWith('/docs')) return;
    const actor = await options.authenticate(request);
    if (!actor) throw unauthorized();
    if (actor.mustChangePassword && !config?.allowWithPasswordChange) throw passwordChangeRequired();
    request.actor = actor;
  });

  app.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  for (const routes of options.routes) await routes(app, ctx);
  return app;
}
