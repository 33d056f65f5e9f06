import { actorOf, requireRole, type RoutePlugin } from '../shared/index.ts';
import { presentAuditRow, presentCheckpoint, presentVerification } from './audit.presenters.ts';
import {
  auditLogPageSchema,
  auditLogQuerySchema,
  auditVerificationSchema,
  takeCheckpointResultSchema,
} from './audit.schemas.ts';
import { listAuditLog, takeCheckpoint, verifyAudit } from './audit.usecases.ts';

const tags = ['audit'];

export const auditRoutes: RoutePlugin = (app, ctx) => {
  app.get(
    '/api/v1/audit-log',
    {
      schema: {
        tags,
        summary: '分页读取审计日志（按序号递增）',
        querystring: auditLogQuerySchema,
        response: { 200: auditLogPageSchema },
      },
    },
    async (req) => {
      requireRole(actorOf(req), 'auditor', 'admin', 'credit_office');
      const { rows, nextAfterSeq } = await listAuditLog(ctx, {
        afterSeq: BigInt(req.query.afterSeq ?? '0'),
        limit: req.query.limit,
      });
      return { items: rows.map(presentAuditRow), nextAfterSeq: nextAfterSeq?.toString() ?? null };
    },
  );

  app.get(
    '/api/v1/audit-log/verification',
    {
      schema: {
        tags,
        summary: '核验审计链（发现被修改、删除或整体重算的记录）',
        response: { 200: auditVerificationSchema },
      },
    },
    async (req) => {
      requireRole(actorOf(req), 'auditor', 'admin');
      return presentVerification(await verifyAudit(ctx));
    },
  );

  app.post(
    '/api/v1/audit-log/checkpoints',
    {
      schema: {
        tags,
        summary: '立即签署审计链检查点',
        response: { 200: takeCheckpointResultSchema, 201: takeCheckpointResultSchema },
      },
    },
    async (req, reply) => {
      requireRole(actorOf(req), 'admin');
      const { created, checkpoint } = await takeCheckpoint(ctx);
      return reply
        .code(created ? 201 : 200)
        .send({ created, checkpoint: checkpoint ? presentCheckpoint(checkpoint) : null });
    },
  );
};
