import { z } from 'zod';
import { actorOf, type RoutePlugin } from '../shared/index.ts';
import { presentRule } from './eligibility.presenters.ts';
import {
  CreateEligibilityRuleBody,
  EligibilityRule,
  EligibilityRuleParams,
  UpdateEligibilityRuleBody,
} from './eligibility.schemas.ts';
import { createEligibilityRule, listEligibilityRules, updateEligibilityRule } from './eligibility.usecases.ts';

const tags = ['eligibility-rules'];

export const eligibilityRoutes: RoutePlugin = (app, ctx) => {
  app.get(
    '/api/v1/eligibility-rules',
    {
      schema: {
        tags,
        summary: '绿色通道、容缺受理资格规则列表',
        response: { 200: z.object({ items: z.array(EligibilityRule) }) },
      },
    },
    async (req) => {
      actorOf(req);
      return { items: (await listEligibilityRules(ctx)).rules.map(presentRule) };
    },
  );

  app.post(
    '/api/v1/eligibility-rules',
    {
      schema: {
        tags,
        summary: '新建资格规则（信用办、管理员）',
        body: CreateEligibilityRuleBody,
        response: { 201: EligibilityRule },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return presentRule((await createEligibilityRule({ ...ctx, actor: actorOf(req) }, req.body)).rule);
    },
  );

  app.put(
    '/api/v1/eligibility-rules/:code',
    {
      schema: {
        tags,
        summary: '修改资格规则（信用办、管理员）',
        params: EligibilityRuleParams,
        body: UpdateEligibilityRuleBody,
        response: { 200: EligibilityRule },
      },
    },
    async (req) =>
      presentRule((await updateEligibilityRule({ ...ctx, actor: actorOf(req) }, req.params.code, req.body)).rule),
  );
};
