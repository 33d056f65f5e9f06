import { actorOf, type ModuleContext, requireRole, type RoutePlugin } from '../shared/index.ts';
import type { ApiKeyCache } from './api-key-cache.ts';
import { presentApiKey } from './auth.presenters.ts';
import {
  ApiKeyIdParamsSchema,
  ApiKeyListQuerySchema,
  ApiKeyListSchema,
  ApiKeySchema,
  CreateApiKeySchema,
  CreatedApiKeySchema,
} from './auth.schemas.ts';
import { createApiKey, getApiKeys, revokeApiKey } from './api-keys.usecases.ts';

const tags = ['api-keys'];

/** API keys of department systems: managed by administrators and the credit office, for any department. */
export const apiKeyRoutes: RoutePlugin<ModuleContext & { keys: ApiKeyCache }> = (app, ctx) => {
  const manager = (req: Parameters<typeof actorOf>[0]) => {
    const actor = actorOf(req);
    requireRole(actor, 'admin', 'credit_office');
    return { ...ctx, actor };
  };

  app.post(
    '/api/v1/api-keys',
    {
      schema: {
        tags,
        summary: '创建部门系统 API 密钥（密钥只显示这一次）',
        body: CreateApiKeySchema,
        response: { 201: CreatedApiKeySchema },
      },
    },
    async (req, reply) => {
      const { apiKey, key } = await createApiKey(manager(req), req.body);
      return reply.code(201).send({ ...presentApiKey(apiKey), key });
    },
  );

  app.get(
    '/api/v1/api-keys',
    {
      schema: {
        tags,
        summary: 'API 密钥列表（不含密钥本身）',
        querystring: ApiKeyListQuerySchema,
        response: { 200: ApiKeyListSchema },
      },
    },
    async (req) => ({ items: (await getApiKeys(manager(req), req.query)).apiKeys.map(presentApiKey) }),
  );

  app.post(
    '/api/v1/api-keys/:id/revocation',
    {
      schema: {
        tags,
        summary: '吊销 API 密钥（所有服务进程随即拒绝该密钥）',
        params: ApiKeyIdParamsSchema,
        response: { 200: ApiKeySchema },
      },
    },
    async (req) => presentApiKey((await revokeApiKey(manager(req), req.params.id)).apiKey),
  );
};
