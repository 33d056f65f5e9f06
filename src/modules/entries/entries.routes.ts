import { z } from 'zod';
import { pageOf, type RoutePlugin, withActor } from '../shared/index.ts';
import { decide, recordStatement, serveNotice } from './entries.black.usecases.ts';
import { presentEntry, presentEvent } from './entries.presenters.ts';
import { publish, review } from './entries.red.usecases.ts';
import {
  CreateEntryBody,
  DecisionBody,
  EndingBody,
  Entry,
  EntryEvent,
  EntryQuery,
  NoticeBody,
  PublicationBody,
  ReviewBody,
  StatementBody,
} from './entries.schemas.ts';
import { createEntry, endEntry, entryHistory, entryView, getEntry, listEntries } from './entries.usecases.ts';
import type { EntryRow } from './entries.repository.ts';

const IdParams = z.object({ id: z.uuid() });
const tags = ['entries'];

export const entriesRoutes: RoutePlugin = (app, ctx) => {
  const deps = withActor(ctx);
  const present = async (p: Promise<{ entry: EntryRow }>) => presentEntry(await entryView(ctx.db, (await p).entry));

  app.post(
    '/api/v1/entries',
    {
      schema: {
        tags,
        summary: '新建名单记录：黑名单为草稿，红名单为推荐',
        body: CreateEntryBody,
        response: { 201: Entry },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return present(createEntry(deps(req), req.body));
    },
  );

  app.get(
    '/api/v1/entries',
    {
      schema: {
        tags,
        summary: '名单记录列表（本部门；信用办、管理员、审计可见全部）',
        querystring: EntryQuery,
        response: { 200: pageOf(Entry) },
      },
    },
    async (req) => {
      const { entries, nextCursor } = await listEntries(deps(req), req.query);
      return { items: entries.map(presentEntry), nextCursor };
    },
  );

  app.get(
    '/api/v1/entries/:id',
    {
      schema: { tags, summary: '名单记录详情', params: IdParams, response: { 200: Entry } },
    },
    async (req) => present(getEntry(deps(req), req.params.id)),
  );

  app.get(
    '/api/v1/entries/:id/events',
    {
      schema: {
        tags,
        summary: '名单记录的全部变更事件（只增不改）',
        params: IdParams,
        response: { 200: z.object({ items: z.array(EntryEvent) }) },
      },
    },
    async (req) => ({ items: (await entryHistory(deps(req), req.params.id)).events.map(presentEvent) }),
  );

  const stepRoute = <B extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    run: (d: ReturnType<typeof deps>, id: string, b: z.infer<B>) => Promise<{ entry: EntryRow }>,
  ) =>
    app.post(
      `/api/v1/entries/:id/${path}`,
      { schema: { tags, summary, params: IdParams, body, response: { 200: Entry } } },
      async (req) => present(run(deps(req), (req.params as { id: string }).id, req.body as z.infer<B>)),
    );

  stepRoute('notice', '送达事前告知（黑名单）', NoticeBody, (d, id, b) => serveNotice(d, id, b));
  stepRoute('statement', '记录陈述申辩（黑名单）', StatementBody, recordStatement);
  stepRoute('decision', '作出认定决定（本部门审核人员）', DecisionBody, decide);
  stepRoute('review', '审核红名单推荐（本部门审核人员）', ReviewBody, review);
  stepRoute('publication', '发布生效（本部门审核人员）', PublicationBody, publish);
  stepRoute('ending', '移出名单：期满、信用修复、撤销或更正（本部门审核人员）', EndingBody, endEntry);
};
