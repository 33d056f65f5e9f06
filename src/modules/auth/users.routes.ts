import { actorOf, requireRole, type RoutePlugin } from '../shared/index.ts';
import { presentUser } from './auth.presenters.ts';
import {
  CreateUserSchema,
  ResetPasswordSchema,
  UpdateUserSchema,
  UserIdParamsSchema,
  UserListQuerySchema,
  UserListSchema,
  UserSchema,
} from './auth.schemas.ts';
import { createUser, getUsers, resetPassword, updateUserAccount } from './users.usecases.ts';

const tags = ['users'];

/** User administration: system administrators only. */
export const userRoutes: RoutePlugin = (app, ctx) => {
  const admin = (req: Parameters<typeof actorOf>[0]) => {
    const actor = actorOf(req);
    requireRole(actor, 'admin');
    return { ...ctx, actor };
  };

  app.get(
    '/api/v1/users',
    {
      schema: {
        tags,
        summary: '用户列表（系统管理员）',
        querystring: UserListQuerySchema,
        response: { 200: UserListSchema },
      },
    },
    async (req) => ({ items: (await getUsers(admin(req), req.query)).users.map(presentUser) }),
  );

  app.post(
    '/api/v1/users',
    {
      schema: {
        tags,
        summary: '新增用户（系统管理员；设临时密码，首次登录须修改）',
        body: CreateUserSchema,
        response: { 201: UserSchema },
      },
    },
    async (req, reply) => {
      const { user } = await createUser(admin(req), req.body);
      return reply.code(201).send(presentUser(user));
    },
  );

  app.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags,
        summary: '修改用户：姓名、角色、停用或启用（系统管理员）',
        params: UserIdParamsSchema,
        body: UpdateUserSchema,
        response: { 200: UserSchema },
      },
    },
    async (req) => presentUser((await updateUserAccount(admin(req), req.params.id, req.body)).user),
  );

  app.post(
    '/api/v1/users/:id/password-reset',
    {
      schema: {
        tags,
        summary: '重置用户密码（系统管理员；用户须再次修改）',
        params: UserIdParamsSchema,
        body: ResetPasswordSchema,
        response: { 200: UserSchema },
      },
    },
    async (req) => presentUser((await resetPassword(admin(req), req.params.id, req.body)).user),
  );
};
