import { actorOf, requireRole, type RoutePlugin } from '../shared/index.ts';
import { presentDepartment } from './departments.presenters.ts';
import {
  CreateDepartmentSchema,
  DepartmentIdParamsSchema,
  DepartmentListSchema,
  DepartmentSchema,
} from './departments.schemas.ts';
import { createDepartment, getDepartment, getDepartments } from './departments.usecases.ts';

const tags = ['departments'];

export const departmentRoutes: RoutePlugin = (app, ctx) => {
  app.get(
    '/api/v1/departments',
    {
      schema: { tags, summary: '部门列表', response: { 200: DepartmentListSchema } },
    },
    async () => {
      const { departments } = await getDepartments(ctx);
      return { items: departments.map(presentDepartment) };
    },
  );

  app.get(
    '/api/v1/departments/:id',
    {
      schema: { tags, summary: '查看部门', params: DepartmentIdParamsSchema, response: { 200: DepartmentSchema } },
    },
    async (req) => presentDepartment((await getDepartment(ctx, req.params.id)).department),
  );

  app.post(
    '/api/v1/departments',
    {
      schema: {
        tags,
        summary: '新增部门（系统管理员）',
        body: CreateDepartmentSchema,
        response: { 201: DepartmentSchema },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      requireRole(actor, 'admin');
      const { department } = await createDepartment({ ...ctx, actor }, req.body);
      return reply.code(201).send(presentDepartment(department));
    },
  );
};
