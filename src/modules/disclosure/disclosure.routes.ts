import type { RoutePlugin } from '../shared/index.ts';
import { DisclosureQuery, DisclosureResponse } from './disclosure.schemas.ts';
import { publicDisclosures } from './disclosure.usecases.ts';

/** The public portal's search: no account, nothing cached (what is public changes with the date). */
export const disclosureRoutes: RoutePlugin = (app, ctx) => {
  app.get(
    '/api/v1/public/disclosures',
    {
      config: { public: true, errorAnswers: [422] }, // an invalid code or a name too short to search by
      schema: {
        tags: ['public'],
        summary: '社会公开信息查询（无需登录）',
        description:
          '按统一社会信用代码或主体名称查询今天（北京时间）向社会公开的信息：公示期内已公示的失信信息，' +
          '以及向社会公开的名单上生效中的名单记录（只含名单类型公开范围列出的字段，身份号码脱敏或不显示）。' +
          '已期满、已修复、已撤销的不再出现；没有公开信息的主体与不存在的主体答复相同。',
        querystring: DisclosureQuery,
        response: { 200: DisclosureResponse },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return publicDisclosures(ctx, req.query);
    },
  );
};
