import { z } from 'zod';
import { actorOf, pageOf, type RoutePlugin } from '../shared/index.ts';
import { presentFormerNames, presentRelatedPerson, presentSubject } from './subjects.presenters.ts';
import { NameChangeInput, StatusChangeInput } from './subject-names.schemas.ts';
import { changeSubjectStatus, renameSubject } from './subject-names.usecases.ts';
import { RelatedPersonInput, Subject, SubjectDetail, SubjectInput, SubjectSearchQuery } from './subjects.schemas.ts';
import * as usecases from './subjects.usecases.ts';

const IdParams = z.object({ id: z.uuid() });
const detail = (r: Awaited<ReturnType<typeof usecases.getSubject>>) => ({
  ...presentSubject(r.subject),
  relatedPersons: r.relatedPersons.map(presentRelatedPerson),
  formerNames: presentFormerNames(r.names),
});

export const subjectsRoutes: RoutePlugin = (app, ctx) => {
  app.post(
    '/api/v1/subjects',
    {
      schema: {
        tags: ['subjects'],
        summary: '登记信用主体（代码已登记的，返回已有主体）',
        body: SubjectInput.extend({ relatedPersons: z.array(RelatedPersonInput).max(50).optional() }),
        response: {
          200: SubjectDetail.describe('该代码已登记：返回已有主体，名称不变；填写的关联人员登记到该主体'),
          201: SubjectDetail.describe('新登记的主体'),
        },
      },
    },
    async (req, reply) => {
      const { subject, created } = await usecases.createSubject({ ...ctx, actor: actorOf(req) }, req.body);
      reply.code(created ? 201 : 200);
      return detail(await usecases.getSubject(ctx, subject.id));
    },
  );

  app.get(
    '/api/v1/subjects',
    {
      schema: {
        tags: ['subjects'],
        summary: '查询信用主体',
        querystring: SubjectSearchQuery,
        response: { 200: pageOf(Subject) },
      },
    },
    async (req) => {
      const { subjects, nextCursor } = await usecases.findSubjects(ctx, req.query);
      return { items: subjects.map(presentSubject), nextCursor };
    },
  );

  app.get(
    '/api/v1/subjects/:id',
    {
      schema: {
        tags: ['subjects'],
        summary: '信用主体详情（含关联人员）',
        params: IdParams,
        response: { 200: SubjectDetail },
      },
    },
    async (req) => detail(await usecases.getSubject(ctx, req.params.id)),
  );

  app.post(
    '/api/v1/subjects/:id/related-persons',
    {
      schema: {
        tags: ['subjects'],
        summary: '登记关联人员（法定代表人、主要负责人、直接责任人）',
        params: IdParams,
        body: RelatedPersonInput,
        response: { 200: SubjectDetail },
      },
    },
    async (req) => detail(await usecases.linkPerson({ ...ctx, actor: actorOf(req) }, req.params.id, req.body)),
  );

  app.post(
    '/api/v1/subjects/:id/names',
    {
      schema: {
        tags: ['subjects'],
        summary: '登记主体名称变更（信用办、管理员）：新名称自启用日期起使用，原名称成为曾用名',
        params: IdParams,
        body: NameChangeInput,
        response: { 200: SubjectDetail },
      },
    },
    async (req) => {
      await renameSubject({ ...ctx, actor: actorOf(req) }, req.params.id, req.body);
      return detail(await usecases.getSubject(ctx, req.params.id));
    },
  );

  app.put(
    '/api/v1/subjects/:id/status',
    {
      schema: {
        tags: ['subjects'],
        summary: '登记主体存续或注销状态（信用办、管理员）',
        params: IdParams,
        body: StatusChangeInput,
        response: { 200: SubjectDetail },
      },
    },
    async (req) => {
      await changeSubjectStatus({ ...ctx, actor: actorOf(req) }, req.params.id, req.body);
      return detail(await usecases.getSubject(ctx, req.params.id));
    },
  );
};
