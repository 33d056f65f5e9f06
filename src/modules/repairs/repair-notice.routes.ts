import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { type RoutePlugin, withActor } from '../shared/index.ts';
import { departmentNotice } from './repair-notice.usecases.ts';

const IdParams = z.object({ id: z.uuid() });
const tags = ['repairs'];

/** A self-contained HTML document to save and print; no script may run in it. */
export function sendNotice(reply: FastifyReply, notice: { fileName: string; html: string }) {
  return reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(notice.fileName)}`)
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
    .header('x-content-type-options', 'nosniff')
    .send(notice.html);
}

export const repairNoticeRoutes: RoutePlugin = (app, ctx) => {
  const deps = withActor(ctx);

  app.get(
    '/api/v1/entries/:id/repair-notice',
    {
      config: { errorAnswers: [409, 422] },
      schema: {
        tags,
        summary: '下载信用修复告知书（随严重失信主体名单认定决定出具，两书同达），HTML 文件',
        params: IdParams,
      },
    },
    async (req, reply) => sendNotice(reply, await departmentNotice(deps(req), 'entry', req.params.id)),
  );

  app.get(
    '/api/v1/records/:id/repair-notice',
    {
      config: { errorAnswers: [409, 422] },
      schema: { tags, summary: '下载信用修复告知书（随公示的行政处罚等失信信息出具），HTML 文件', params: IdParams },
    },
    async (req, reply) => sendNotice(reply, await departmentNotice(deps(req), 'record', req.params.id)),
  );
};
