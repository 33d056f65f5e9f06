import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { actorOf, AppError, type ModuleContext, type RoutePlugin } from '../shared/index.ts';
import type { ApiKeyCache } from './api-key-cache.ts';
import { presentUser } from './auth.presenters.ts';
import { ChangePasswordSchema, LoginResultSchema, LoginSchema, UserSchema } from './auth.schemas.ts';
import { changePassword, currentUser, login, logout } from './auth.usecases.ts';

const tags = ['auth'];
const NoContent = z.undefined().describe('成功，无返回内容');

/** A throttled attempt (429) tells the client when to come back, in the header as well as in the message. */
async function withRetryAfter<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const retryAfter = error instanceof AppError ? error.details?.retryAfterSeconds : undefined;
    if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
    throw error;
  }
}

export const authRoutes: RoutePlugin<ModuleContext & { keys: ApiKeyCache }> = (app, ctx) => {
  app.post(
    '/api/v1/auth/login',
    {
      schema: { tags, summary: '用户登录', security: [], body: LoginSchema, response: { 200: LoginResultSchema } },
      config: { public: true, errorAnswers: [429] }, // auth.too_many_attempts
    },
    async (req, reply) =>
      withRetryAfter(reply, async () => {
        const { token, expiresAt, user } = await login(ctx, { ...req.body, ip: req.ip });
        return { token, expiresAt: expiresAt.toISOString(), user: presentUser(user) };
      }),
  );

  app.post(
    '/api/v1/auth/logout',
    {
      schema: { tags, summary: '退出登录（当前会话失效）', response: { 204: NoContent } },
      config: { allowWithPasswordChange: true },
    },
    async (req, reply) => {
      await logout(ctx, actorOf(req));
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      schema: { tags, summary: '当前登录用户', response: { 200: UserSchema } },
      config: { allowWithPasswordChange: true },
    },
    async (req) => presentUser((await currentUser(ctx, actorOf(req))).user),
  );

  app.post(
    '/api/v1/auth/password',
    {
      schema: {
        tags,
        summary: '修改本人密码（其他会话全部失效）',
        body: ChangePasswordSchema,
        response: { 204: NoContent },
      },
      config: { allowWithPasswordChange: true, errorAnswers: [429] }, // auth.too_many_attempts
    },
    async (req, reply) =>
      withRetryAfter(reply, async () => {
        await changePassword(ctx, actorOf(req), { ...req.body, ip: req.ip });
        return reply.code(204).send();
      }),
  );
};
