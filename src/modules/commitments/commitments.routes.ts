import { z } from 'zod';
import { type ModuleContext, pageOf, type RoutePlugin, withActor } from '../shared/index.ts';
import { COMMITMENT_CODE } from './commitment-code.ts';
import { acceptWithCommitment, type AcceptanceDeps } from './commitments.acceptance.ts';
import { recordFulfilment } from './commitments.fulfilment.ts';
import { presentCommitment } from './commitments.presenters.ts';
import {
  AcceptanceBody,
  Commitment,
  CommitmentQuery,
  CreateCommitmentBody,
  FulfilmentBody,
} from './commitments.schemas.ts';
import type { CommitmentRow } from './commitments.repository.ts';
import {
  commitmentView,
  createCommitment,
  getCommitment,
  getCommitmentByCode,
  listCommitments,
} from './commitments.usecases.ts';

const IdParams = z.object({ id: z.uuid() });
const CodeParams = z.object({ code: z.string().regex(COMMITMENT_CODE, '承诺编号应为 20 位数字') });
const tags = ['commitments'];

export const commitmentRoutes: RoutePlugin<ModuleContext & Pick<AcceptanceDeps, 'index'>> = (app, ctx) => {
  const deps = withActor(ctx);
  const present = async (p: Promise<{ commitment: CommitmentRow }>) =>
    presentCommitment(await commitmentView(ctx.db, (await p).commitment));

  app.post(
    '/api/v1/commitments',
    {
      schema: {
        tags,
        summary: '登记信用承诺（部门经办、审核人员或部门业务系统）',
        body: CreateCommitmentBody,
        response: { 201: Commitment },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return present(createCommitment(deps(req), req.body));
    },
  );

  app.post(
    '/api/v1/commitments/acceptances',
    {
      schema: {
        tags,
        summary: '容缺受理：为符合条件的主体受理缺少非关键材料的申请，并登记补交承诺',
        body: AcceptanceBody,
        response: { 201: Commitment },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return present(acceptWithCommitment(deps(req), req.body));
    },
  );

  app.get(
    '/api/v1/commitments',
    {
      schema: {
        tags,
        summary: '信用承诺列表（本部门；信用办、管理员、审计可见全部）',
        querystring: CommitmentQuery,
        response: { 200: pageOf(Commitment) },
      },
    },
    async (req) => {
      const { commitments, nextCursor } = await listCommitments(deps(req), req.query);
      return { items: commitments.map(presentCommitment), nextCursor };
    },
  );

  app.get(
    '/api/v1/commitments/by-code/:code',
    {
      schema: { tags, summary: '按承诺编号查询信用承诺', params: CodeParams, response: { 200: Commitment } },
    },
    async (req) => present(getCommitmentByCode(deps(req), req.params.code)),
  );

  app.get(
    '/api/v1/commitments/:id',
    {
      schema: { tags, summary: '信用承诺详情', params: IdParams, response: { 200: Commitment } },
    },
    async (req) => present(getCommitment(deps(req), req.params.id)),
  );

  app.post(
    '/api/v1/commitments/:id/fulfilment',
    {
      schema: {
        tags,
        summary: '认定承诺履行情况（受理部门审核人员）；未全部履行的形成待审核的失信信息',
        params: IdParams,
        body: FulfilmentBody,
        response: { 200: Commitment },
      },
    },
    async (req) => present(recordFulfilment(deps(req), req.params.id, req.body)),
  );
};
