import { z } from 'zod';
import { type RoutePlugin, withActor } from '../shared/index.ts';
import { presentFeedback } from './feedback.presenters.ts';
import { EntryIdParams, Feedback, FeedbackBody, StatsQuery, StatsResponse } from './feedback.schemas.ts';
import { feedbackStats } from './feedback.stats.ts';
import { feedbackOfEntry, recordFeedback } from './feedback.usecases.ts';

const tags = ['feedback'];

export const feedbackRoutes: RoutePlugin = (app, ctx) => {
  const deps = withActor(ctx);

  app.post(
    '/api/v1/feedback',
    {
      schema: {
        tags,
        summary: '反馈措施实施情况（实施部门，针对推送事项或核查）',
        body: FeedbackBody,
        response: { 201: Feedback },
        description: '每项措施反馈一次；首次反馈即办结该推送事项。办理日期和反馈日期均不晚于反馈期限的，计为按期反馈。',
      },
    },
    async (req, reply) => reply.code(201).send(presentFeedback((await recordFeedback(deps(req), req.body)).feedback)),
  );

  app.get(
    '/api/v1/entries/:id/feedback',
    {
      schema: {
        tags,
        summary: '名单记录收到的反馈（发起部门；信用办、管理员、审计）',
        params: EntryIdParams,
        response: { 200: z.object({ items: z.array(Feedback) }) },
      },
    },
    async (req) => ({ items: (await feedbackOfEntry(deps(req), req.params.id)).feedback.map(presentFeedback) }),
  );

  app.get(
    '/api/v1/feedback/stats',
    {
      schema: {
        tags,
        summary: '反馈统计：各部门推送、反馈、按期、逾期及措施实施情况',
        querystring: StatsQuery,
        response: { 200: StatsResponse },
      },
    },
    async (req) => feedbackStats(deps(req), req.query),
  );
};
