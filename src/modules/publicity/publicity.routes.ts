import type { ModuleContext, RoutePlugin } from '../shared/index.ts';
import { creditProfile } from './credit-profile.usecases.ts';
import { toAtom, toCsv } from './publicity.feeds.ts';
import {
  CreditProfile,
  ExportQuery,
  ListKindParams,
  Overview,
  Policies,
  PublicityPage,
  PublicityQuery,
  SubjectKeyParams,
} from './publicity.schemas.ts';
import { publicityList, publicityRowsAll, publicOverview, publicPolicies } from './publicity.usecases.ts';
import { filterOf, KIND_NAMES } from './publicity.filters.ts';

const tags = ['public'];
const config = { public: true };
/** A CSV download holds at most this many rows (the newest); the filters narrow it down. */
export const CSV_ROW_CAP = 20_000;
const FEED_SIZE = 50;
// Public answers change with the data and the date; a minute keeps repeated loads cheap without serving old news.
const PUBLIC_CACHE = 'public, max-age=60';

/** The public portal's data (信用门户) as JSON, CSV and Atom: no account, only what the disclosure scopes allow. */
export const publicityRoutes: RoutePlugin<ModuleContext & { site: { name(): string } }> = (app, ctx) => {
  app.get(
    '/api/v1/public/overview',
    {
      config,
      schema: {
        tags,
        summary: '门户首页概况（无需登录）：公开的红黑名单和失信信息数量、最新公布',
        response: { 200: Overview },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', PUBLIC_CACHE);
      return publicOverview(ctx);
    },
  );

  app.get(
    '/api/v1/public/credit-profiles/:key',
    {
      config,
      schema: {
        tags,
        summary: '主体信用主页（无需登录）',
        description:
          '按统一社会信用代码（组织、个体工商户）或标识（自然人，仅在有公开信息时）查看今天向社会公开的名单记录和失信信息，' +
          '以及可以办理的异议、信用修复及其条件和最早可申请日期。只含公开范围允许的内容，自然人身份号码始终脱敏。',
        params: SubjectKeyParams,
        response: { 200: CreditProfile },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', PUBLIC_CACHE);
      return creditProfile(ctx, req.params.key);
    },
  );

  app.get(
    '/api/v1/public/lists/:kind',
    {
      config,
      schema: {
        tags,
        summary: '红名单、黑名单公示（无需登录）：按名单类型、部门、决定日期筛选，分页',
        params: ListKindParams,
        querystring: PublicityQuery,
        response: { 200: PublicityPage },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', PUBLIC_CACHE);
      return publicityList(ctx, filterOf(req.params.kind, req.query), req.query);
    },
  );

  app.get(
    '/api/v1/public/lists/:kind/csv',
    {
      config,
      schema: {
        tags,
        summary: '红名单、黑名单公示下载（CSV，UTF-8 带 BOM）',
        description: `筛选条件同公示列表，下载全部符合条件的记录（最多 ${CSV_ROW_CAP} 条，最新的在前）；身份号码只含脱敏形式。`,
        params: ListKindParams,
        querystring: ExportQuery,
      },
    },
    async (req, reply) => {
      const { items, date } = await publicityRowsAll(ctx, filterOf(req.params.kind, req.query), CSV_ROW_CAP);
      const name = `${KIND_NAMES[req.params.kind]}-${date}.csv`;
      reply
        .header('cache-control', PUBLIC_CACHE)
        .header(
          'content-disposition',
          `attachment; filename="${req.params.kind}-list-${date}.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .type('text/csv; charset=utf-8');
      return toCsv(items);
    },
  );

  app.get(
    '/api/v1/public/lists/:kind/atom',
    {
      config,
      schema: {
        tags,
        summary: '红名单、黑名单最新公布（Atom 订阅）',
        description: `筛选条件同公示列表，最新 ${FEED_SIZE} 条。`,
        params: ListKindParams,
        querystring: ExportQuery,
      },
    },
    async (req, reply) => {
      const filter = filterOf(req.params.kind, req.query);
      const { items } = await publicityList(ctx, filter, { limit: FEED_SIZE });
      const query = new URLSearchParams(req.query as Record<string, string>).toString();
      reply.header('cache-control', PUBLIC_CACHE).type('application/atom+xml; charset=utf-8');
      return toAtom(items, {
        title: `${ctx.site.name()} · ${KIND_NAMES[req.params.kind]}公示`,
        origin: `${req.protocol}://${req.host}`,
        pagePath: `/lists/${req.params.kind}${query ? `?${query}` : ''}`,
        feedPath: `/api/v1/public/lists/${req.params.kind}/atom${query ? `?${query}` : ''}`,
      });
    },
  );

  app.get(
    '/api/v1/public/exposure',
    {
      config,
      schema: {
        tags,
        summary: '曝光台（无需登录）：信用办标记曝光的名单类型上的严重失信案例',
        querystring: PublicityQuery,
        response: { 200: PublicityPage },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', PUBLIC_CACHE);
      return publicityList(ctx, { ...filterOf('black', req.query), exposedOnly: true }, req.query);
    },
  );

  app.get(
    '/api/v1/public/policies',
    {
      config,
      schema: {
        tags,
        summary: '政策与指南（无需登录）：名单类型和奖惩措施、信用修复指南',
        description:
          '来自名单目录的当前版本：认定标准、法律依据、各部门的措施、移出和修复条件；办理期限（工作日）来自期限设置。',
        response: { 200: Policies },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', PUBLIC_CACHE);
      return publicPolicies(ctx);
    },
  );
};
