import { z } from 'zod';
import { actorOf, chinaDate, type RoutePlugin } from '../shared/index.ts';
import { UPWARD_ORIGINS } from './applications.schemas.ts';
import { upwardOutcomes } from './upward.ts';

const OutcomeQuery = z.object({
  origin: z.enum(UPWARD_ORIGINS).optional().describe('credit_china 信用中国；provincial 省级平台；不填为全部'),
  since: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('只返回此时刻（含）之后作出决定的；按决定时间升序，边界上的条目可能重复返回'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const UpwardOutcome = z
  .object({
    kind: z.enum(['objection', 'repair']),
    id: z.uuid(),
    applicationNo: z.string().describe('本系统申请编号'),
    origin: z.enum(UPWARD_ORIGINS),
    originRef: z.string().nullable().describe('上级平台的受理编号'),
    state: z.string(),
    outcome: z
      .enum(['accepted', 'rejected', 'approved', 'refused', 'withdrawn'])
      .describe(
        '异议：accepted 成立、rejected 不成立；修复：approved 准予、rejected 不予、refused 不予受理；withdrawn 撤回',
      ),
    reason: z.string().nullable(),
    earliestDate: z.iso.date().nullable().describe('不予受理（未届满最短期限）时可以申请的最早日期'),
    decisionDate: z.iso.date().describe('决定日期（中国时间）'),
    decidedAt: z.iso.datetime(),
  })
  .meta({ id: 'UpwardOutcome' });

export const upwardRoutes: RoutePlugin = (app, ctx) => {
  app.get(
    '/api/v1/upward/outcomes',
    {
      schema: {
        tags: ['upward'],
        summary: '上级平台（信用中国、省级平台）转来的异议和信用修复申请的办理结果，供回传',
        querystring: OutcomeQuery,
        response: { 200: z.object({ items: z.array(UpwardOutcome) }) },
      },
    },
    async (req) => {
      const { outcomes } = await upwardOutcomes(ctx.db, actorOf(req), req.query);
      return {
        items: outcomes.map((o) => {
          const d = o.decision as { outcome?: string; reason?: string } | null;
          return {
            kind: o.kind,
            id: o.id,
            applicationNo: o.application_no,
            origin: o.origin as (typeof UPWARD_ORIGINS)[number],
            originRef: o.origin_ref,
            state: o.state,
            outcome: (o.state === 'withdrawn' ? 'withdrawn' : (d?.outcome ?? o.state)) as 'accepted',
            reason: d?.reason ?? null,
            earliestDate: o.earliest_date,
            decisionDate: chinaDate(o.decided_at!),
            decidedAt: o.decided_at!.toISOString(),
          };
        }),
      };
    },
  );
};
