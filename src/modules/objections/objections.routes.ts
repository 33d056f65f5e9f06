import { z } from 'zod';
import { actorOf, type RoutePlugin } from '../../app/server.ts';
import { ATTACHMENT_BODY_LIMIT, attachmentDisposition, readAttachment } from '../shared/attachments.ts';
import { notFound } from '../shared/errors.ts';
import { assignObjection, decideObjection, withdrawObjection } from './objections.decision.ts';
import { fileObjection } from './objections.filing.ts';
import { presentObjection } from './objections.presenters.ts';
import {
  AssignmentBody,
  FiledObjection,
  FileObjectionBody,
  Objection,
  ObjectionDecisionBody,
  ObjectionPage,
  ObjectionQuery,
} from './objections.schemas.ts';
import { getObjection, listObjections } from './objections.usecases.ts';

const IdParams = z.object({ id: z.uuid() });
const tags = ['objections'];

export const objectionsRoutes: RoutePlugin = (app, ctx) => {
  const deps = (req: { actor: Parameters<typeof actorOf>[0]['actor'] }) => ({ ...ctx, actor: actorOf(req) });
  const present = async (p: Promise<{ objection: Parameters<typeof presentObjection>[0] }>) =>
    presentObjection((await p).objection);

  app.post(
    '/api/v1/objections',
    {
      bodyLimit: ATTACHMENT_BODY_LIMIT,
      schema: {
        tags,
        summary: '代当事人提出异议（部门经办、审核人员或部门系统；上级平台转来的由信用办录入）',
        body: FileObjectionBody,
        response: { 201: FiledObjection },
      },
    },
    async (req, reply) => {
      const { objection, trackingSecret } = await fileObjection(deps(req), req.body);
      reply.code(201);
      return { ...presentObjection(objection), trackingSecret };
    },
  );

  app.get(
    '/api/v1/objections',
    {
      schema: {
        tags,
        summary: '异议列表（本部门办理或代收的；信用办、管理员、审计可见全部）',
        querystring: ObjectionQuery,
        response: { 200: ObjectionPage },
      },
    },
    async (req) => {
      const { objections, nextCursor } = await listObjections(deps(req), req.query);
      return { items: objections.map(presentObjection), nextCursor };
    },
  );

  app.get(
    '/api/v1/objections/:id',
    {
      schema: { tags, summary: '异议详情', params: IdParams, response: { 200: Objection } },
    },
    async (req) => present(getObjection(deps(req), req.params.id)),
  );

  app.post(
    '/api/v1/objections/:id/decision',
    {
      schema: {
        tags,
        summary: '作出异议处理决定（作出认定部门的审核人员）：成立则更正或撤销，不成立则说明理由和救济途径',
        params: IdParams,
        body: ObjectionDecisionBody,
        response: { 200: Objection },
      },
    },
    async (req) => present(decideObjection(deps(req), req.params.id, req.body)),
  );

  app.post(
    '/api/v1/objections/:id/withdrawal',
    {
      schema: { tags, summary: '当事人撤回异议（决定作出前）', params: IdParams, response: { 200: Objection } },
    },
    async (req) => present(withdrawObjection(deps(req), req.params.id)),
  );

  app.post(
    '/api/v1/objections/:id/assignment',
    {
      schema: {
        tags,
        summary: '信用办分办：为未匹配的公开异议确定对象，转认定部门办理',
        params: IdParams,
        body: AssignmentBody,
        response: { 200: Objection },
      },
    },
    async (req) => present(assignObjection(deps(req), req.params.id, req.body)),
  );

  app.get(
    '/api/v1/objections/:id/attachments/:attachmentId',
    {
      schema: { tags, summary: '下载异议附件', params: z.object({ id: z.uuid(), attachmentId: z.uuid() }) },
    },
    async (req, reply) => {
      await getObjection(deps(req), req.params.id);
      const file = await readAttachment(ctx.db, { stream: 'objection', id: req.params.id }, req.params.attachmentId);
      if (!file) throw notFound('附件', 'attachment.not_found');
      reply
        .header('content-type', file.content_type)
        .header('content-disposition', attachmentDisposition(file.file_name))
        .header('x-content-type-options', 'nosniff');
      return file.content;
    },
  );
};
