import { z } from 'zod';
import { pageOf, type RoutePlugin, withActor } from '../shared/index.ts';
import { presentRecord, presentRecordEvent } from './records.presenters.ts';
import type { RecordRow } from './records.repository.ts';
import {
  CreateRecordBody,
  DisclosureBody,
  DishonestyRecord,
  NoteBody,
  OptionalNoteBody,
  RecordEvent,
  RecordQuery,
} from './records.schemas.ts';
import { changeDisclosure, confirmRecord, dismissRecord, revokeRecord } from './records.steps.ts';
import { createRecord, getRecord, listRecords, recordHistory, recordView } from './records.usecases.ts';

const IdParams = z.object({ id: z.uuid() });
const tags = ['records'];

/** Dishonesty records and their steps (their catalog: record-catalog.routes.ts). */
export const recordsRoutes: RoutePlugin = (app, ctx) => {
  const deps = withActor(ctx);
  const present = async (p: Promise<{ record: RecordRow }>) =>
    presentRecord(await recordView(ctx.db, (await p).record));

  app.post(
    '/api/v1/records',
    {
      schema: {
        tags,
        summary: '记录失信信息（本部门的行政处罚决定；经办或审核人员）',
        description: '失信程度由目录中（领域, 处罚种类）的对应关系确定，公示与共享期限自决定日期起算（rules.md §3）。',
        body: CreateRecordBody,
        response: { 201: DishonestyRecord },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return present(createRecord(deps(req), req.body));
    },
  );

  app.get(
    '/api/v1/records',
    {
      schema: {
        tags,
        summary: '失信信息列表（本部门；信用办、管理员、审计可见全部）',
        querystring: RecordQuery,
        response: { 200: pageOf(DishonestyRecord) },
      },
    },
    async (req) => {
      const { records, nextCursor } = await listRecords(deps(req), req.query);
      return { items: records.map(presentRecord), nextCursor };
    },
  );

  app.get(
    '/api/v1/records/:id',
    {
      schema: { tags, summary: '失信信息详情', params: IdParams, response: { 200: DishonestyRecord } },
    },
    async (req) => present(getRecord(deps(req), req.params.id)),
  );

  app.get(
    '/api/v1/records/:id/events',
    {
      schema: {
        tags,
        summary: '失信信息的全部变更事件（只增不改）',
        params: IdParams,
        response: { 200: z.object({ items: z.array(RecordEvent) }) },
      },
    },
    async (req) => ({ items: (await recordHistory(deps(req), req.params.id)).events.map(presentRecordEvent) }),
  );

  const stepRoute = <B extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    run: (d: ReturnType<typeof deps>, id: string, b: z.infer<B>) => Promise<{ record: RecordRow }>,
  ) =>
    app.post(
      `/api/v1/records/:id/${path}`,
      { schema: { tags, summary, params: IdParams, body, response: { 200: DishonestyRecord } } },
      async (req) => present(run(deps(req), (req.params as { id: string }).id, req.body as z.infer<B>)),
    );

  stepRoute(
    'disclosure',
    '决定公示或撤下公示（本部门审核人员；一般、严重失信信息依规公示）',
    DisclosureBody,
    changeDisclosure,
  );
  stepRoute('revocation', '撤销失信信息（本部门审核人员）', NoteBody, revokeRecord);
  stepRoute('confirmation', '确认违背承诺拟记录的失信信息（本部门审核人员）', OptionalNoteBody, confirmRecord);
  stepRoute('dismissal', '不予记录违背承诺拟记录的失信信息（本部门审核人员）', NoteBody, dismissRecord);
};
