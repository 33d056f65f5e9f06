import { z } from 'zod';
import { actorOf, type RoutePlugin } from '../../app/server.ts';
import { ATTACHMENT_BODY_LIMIT, attachmentDisposition, readAttachment } from '../shared/attachments.ts';
import { notFound } from '../shared/errors.ts';
import {
  acceptRepair,
  assignRepair,
  decideRepair,
  endLifting,
  refuseRepair,
  withdrawRepair,
} from './repairs.decision.ts';
import { fileRepair } from './repairs.filing.ts';
import { presentRepair } from './repairs.presenters.ts';
import {
  AcceptanceBody,
  FiledRepair,
  NonAcceptanceBody,
  FileRepairBody,
  LiftingEndBody,
  Repair,
  RepairAssignmentBody,
  RepairDecisionBody,
  RepairPage,
  RepairQuery,
} from './repairs.schemas.ts';
import { getRepair, listRepairs } from './repairs.usecases.ts';

const IdParams = z.object({ id: z.uuid() });
const tags = ['repairs'];

export const repairsRoutes: RoutePlugin = (app, ctx) => {
  const deps = (req: { actor: Parameters<typeof actorOf>[0]['actor'] }) => ({ ...ctx, actor: actorOf(req) });
  const present = async (p: Promise<{ repair: Parameters<typeof presentRepair>[0] }>) =>
    presentRepair((await p).repair);

  app.post(
    '/api/v1/repairs',
    {
      bodyLimit: ATTACHMENT_BODY_LIMIT,
      schema: {
        tags,
        summary: '代当事人申请信用修复或重整和解期间暂停惩戒（未届满最短期限的，答复可申请的日期）',
        body: FileRepairBody,
        response: { 201: FiledRepair },
      },
    },
    async (req, reply) => {
      const { repair, trackingSecret } = await fileRepair(deps(req), req.body);
      reply.code(201);
      return { ...presentRepair(repair), trackingSecret };
    },
  );

  app.get(
    '/api/v1/repairs',
    {
      schema: {
        tags,
        summary: '信用修复申请列表（本部门办理或代收的；信用办、管理员、审计可见全部）',
        querystring: RepairQuery,
        response: { 200: RepairPage },
      },
    },
    async (req) => {
      const { repairs, nextCursor } = await listRepairs(deps(req), req.query);
      return { items: repairs.map(presentRepair), nextCursor };
    },
  );

  app.get(
    '/api/v1/repairs/:id',
    {
      schema: { tags, summary: '信用修复申请详情', params: IdParams, response: { 200: Repair } },
    },
    async (req) => present(getRepair(deps(req), req.params.id)),
  );

  const step = <B extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    run: (
      d: ReturnType<typeof deps>,
      id: string,
      b: z.infer<B>,
    ) => Promise<{ repair: Parameters<typeof presentRepair>[0] }>,
  ) =>
    app.post(
      `/api/v1/repairs/:id/${path}`,
      { schema: { tags, summary, params: IdParams, body, response: { 200: Repair } } },
      async (req) => present(run(deps(req), (req.params as { id: string }).id, req.body as z.infer<B>)),
    );

  step('acceptance', '受理信用修复申请（认定部门经办或审核人员，受理期限内）', AcceptanceBody, acceptRepair);
  step('non-acceptance', '不予受理信用修复申请并说明理由（认定部门经办或审核人员）', NonAcceptanceBody, refuseRepair);
  step('decision', '作出信用修复决定（认定部门审核人员，决定期限内）', RepairDecisionBody, decideRepair);
  step('lifting-end', '结束重整、和解期间的暂停，恢复实施惩戒措施（认定部门审核人员）', LiftingEndBody, endLifting);
  step('withdrawal', '当事人撤回信用修复申请（决定作出前）', z.object({}).meta({ id: 'RepairWithdrawal' }), (d, id) =>
    withdrawRepair(d, id),
  );
  step('assignment', '信用办分办：为未匹配的公开申请确定对象，转认定部门办理', RepairAssignmentBody, assignRepair);

  app.get(
    '/api/v1/repairs/:id/attachments/:attachmentId',
    {
      schema: { tags, summary: '下载信用修复申请附件', params: z.object({ id: z.uuid(), attachmentId: z.uuid() }) },
    },
    async (req, reply) => {
      await getRepair(deps(req), req.params.id);
      const file = await readAttachment(ctx.db, { stream: 'repair', id: req.params.id }, req.params.attachmentId);
      if (!file) throw notFound('附件', 'attachment.not_found');
      reply
        .header('content-type', file.content_type)
        .header('content-disposition', attachmentDisposition(file.file_name))
        .header('x-content-type-options', 'nosniff');
      return file.content;
    },
  );
};
