import { z } from 'zod';
import { ATTACHMENT_BODY_LIMIT, attachmentDisposition, pageOf, type RoutePlugin, withActor } from '../shared/index.ts';
import { fileTipoff } from './tipoffs.filing.ts';
import { acceptTipoff, closeTipoff, transferTipoff, verifyTipoff } from './tipoffs.handling.ts';
import { presentTipoff } from './tipoffs.presenters.ts';
import {
  AcceptanceBody,
  AssignmentBody,
  ClosingBody,
  PublicTipoffBody,
  ReporterAccess,
  Tipoff,
  TipoffFiled,
  TipoffQuery,
  TransferBody,
  VerificationBody,
} from './tipoffs.schemas.ts';
import { assignHandler, getTipoff, listTipoffs, readAttachment, readReporter } from './tipoffs.usecases.ts';

const IdParams = z.object({ id: z.uuid() });
const tags = ['tipoffs'];

export const tipoffRoutes: RoutePlugin = (app, ctx) => {
  const deps = withActor(ctx);
  const present = async (p: Promise<{ tipoff: Parameters<typeof presentTipoff>[0] }>) =>
    presentTipoff((await p).tipoff);

  app.post(
    '/api/v1/public/tipoffs',
    {
      config: { public: true },
      bodyLimit: ATTACHMENT_BODY_LIMIT,
      schema: {
        tags,
        summary: '公众举报（无需账号，可匿名）：举报人信息和附件加密保存',
        security: [],
        body: PublicTipoffBody,
        response: { 201: TipoffFiled },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return fileTipoff(ctx, req.body);
    },
  );

  app.get(
    '/api/v1/tipoffs',
    {
      schema: {
        tags,
        summary: '举报列表（受理部门工作人员、信用办；不含举报人信息）',
        querystring: TipoffQuery,
        response: { 200: pageOf(Tipoff) },
      },
    },
    async (req) => {
      const { tipoffs, nextCursor } = await listTipoffs(deps(req), req.query);
      return { items: tipoffs.map(presentTipoff), nextCursor };
    },
  );

  app.get(
    '/api/v1/tipoffs/:id',
    {
      schema: { tags, summary: '举报详情（不含举报人信息）', params: IdParams, response: { 200: Tipoff } },
    },
    async (req) => present(getTipoff(deps(req), req.params.id)),
  );

  app.post(
    '/api/v1/tipoffs/:id/assignment',
    {
      schema: {
        tags,
        summary: '指定或更换承办人（受理部门审核人员或信用办）',
        params: IdParams,
        body: AssignmentBody,
        response: { 200: Tipoff },
      },
    },
    async (req) => present(assignHandler(deps(req), req.params.id, req.body.handlerId)),
  );

  app.post(
    '/api/v1/tipoffs/:id/reporter-access',
    {
      schema: {
        tags,
        summary: '查看举报人信息和附件清单（仅承办人；每次查看均记入审计）',
        params: IdParams,
        response: { 200: ReporterAccess },
      },
    },
    async (req) => readReporter(deps(req), req.params.id),
  );

  app.get(
    '/api/v1/tipoffs/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: '下载举报附件（仅承办人；记入审计）',
        params: z.object({ id: z.uuid(), attachmentId: z.uuid() }),
      },
    },
    async (req, reply) => {
      const file = await readAttachment(deps(req), req.params.id, req.params.attachmentId);
      reply
        .header('content-type', file.contentType)
        .header('content-disposition', attachmentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store');
      return file.content;
    },
  );

  const stepRoute = <B extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    run: (
      d: ReturnType<typeof deps>,
      id: string,
      b: z.infer<B>,
    ) => Promise<{ tipoff: Parameters<typeof presentTipoff>[0] }>,
  ) =>
    app.post(
      `/api/v1/tipoffs/:id/${path}`,
      { schema: { tags, summary, params: IdParams, body, response: { 200: Tipoff } } },
      async (req) => present(run(deps(req), (req.params as { id: string }).id, req.body as z.infer<B>)),
    );

  stepRoute('acceptance', '受理举报（受理部门审核人员）', AcceptanceBody, acceptTipoff);
  stepRoute('transfer', '转办至其他部门（受理部门审核人员或信用办）；承办人随之取消', TransferBody, transferTipoff);
  stepRoute('verification', '登记核查情况（承办人或受理部门审核人员）', VerificationBody, verifyTipoff);
  stepRoute('closing', '办结并登记办理结果（受理部门审核人员）', ClosingBody, closeTipoff);
};
