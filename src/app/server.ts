import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { type Actor, type App, type RoutePlugin, unauthorized } from '../modules/shared/index.ts';
import { passwordChangeRequired } from '../modules/auth/index.ts';
import type { AppContext } from './context.ts';
import { errorHandler } from './http-errors.ts';
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
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ error: { code: 'route.not_found', message: '请求的接口不存在。' } });
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
