import { type RoutePlugin, withActor } from '../shared/index.ts';
import { presentChange, presentDispatch } from './dispatch.presenters.ts';
import { ChangesPage, ChangesQuery, Dispatch, DispatchIdParams, InboxPage, InboxQuery } from './dispatch.schemas.ts';
import { changesSince, getDispatch, listInbox } from './dispatch.usecases.ts';

const tags = ['dispatch'];

/** The closed loop after a decision: the inbox and the change feed (then webhooks and feedback, in their modules). */
export const dispatchRoutes: RoutePlugin = (app, ctx) => {
  const deps = withActor(ctx);

  app.get(
    '/api/v1/dispatches',
    {
      schema: {
        tags,
        summary: '推送收件箱（本部门；信用办、管理员、审计可见全部），新的在前',
        querystring: InboxQuery,
        response: { 200: InboxPage },
      },
    },
    async (req) => {
      const { dispatches, today, nextCursor } = await listInbox(deps(req), req.query);
      return { items: dispatches.map((d) => presentDispatch(d, today)), nextCursor };
    },
  );

  app.get(
    '/api/v1/dispatches/:id',
    {
      schema: { tags, summary: '推送事项详情', params: DispatchIdParams, response: { 200: Dispatch } },
    },
    async (req) => {
      const { dispatch, today } = await getDispatch(deps(req), req.params.id);
      return presentDispatch(dispatch, today);
    },
  );

  app.get(
    '/api/v1/changes',
    {
      schema: {
        tags,
        summary: '变更订阅（轮询）：本部门收到的推送，按数据版本顺序分页，不遗漏',
        querystring: ChangesQuery,
        response: { 200: ChangesPage },
        description:
          '以 since=0 开始，之后每次传上次答复的 nextSince；hasMore 为 true 时立即继续。dispatchedThrough 之前的变更都已可见。',
      },
    },
    async (req) => {
      const { items, hasMore, nextSince, dispatchedThrough } = await changesSince(deps(req), req.query);
      return {
        items: items.map(presentChange),
        hasMore,
        nextSince: nextSince.toString(),
        dispatchedThrough: dispatchedThrough.toString(),
      };
    },
  );
};
