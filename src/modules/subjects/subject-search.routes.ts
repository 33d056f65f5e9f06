import type { RoutePlugin } from '../shared/index.ts';
import { PublicSubjectQuery, SubjectSearchResult } from './subject-search.schemas.ts';
import { searchSubjects } from './subject-search.usecases.ts';

export const subjectSearchRoutes: RoutePlugin = (app, ctx) => {
  app.get(
    '/api/v1/public/subjects',
    {
      config: { public: true, errorAnswers: [422] },
      schema: {
        tags: ['public'],
        summary:
          '信用主体查询（无需账号）：按统一社会信用代码，或按名称（含曾用名）中连续的至少 2 个字查询；自然人仅在公开的名单中按姓名可查',
        security: [],
        querystring: PublicSubjectQuery,
        response: { 200: SubjectSearchResult },
      },
    },
    async (req) => searchSubjects(ctx, req.query),
  );
};
