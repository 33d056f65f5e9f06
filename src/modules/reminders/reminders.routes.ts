import { actorOf, type RoutePlugin } from '../shared/index.ts';
import { presentAwaitingCalendar, presentReminder } from './reminders.presenters.ts';
import { Inbox, Overdue, ReminderQuery } from './reminders.schemas.ts';
import { inbox, overdue } from './reminders.usecases.ts';

const tags = ['reminders'];

export const remindersRoutes: RoutePlugin = (app, ctx) => {
  app.get(
    '/api/v1/inbox',
    {
      schema: {
        tags,
        summary: '本部门待办：临期和已逾期的未结事项',
        querystring: ReminderQuery,
        response: { 200: Inbox },
      },
    },
    async (req) => {
      const r = await inbox({ ...ctx, actor: actorOf(req) }, req.query);
      return {
        items: r.rows.map((row) => presentReminder(row, r)),
        total: r.total,
        limit: req.query.limit,
        nextCursor: r.nextCursor,
        awaitingCalendar: presentAwaitingCalendar(r.awaiting),
      };
    },
  );

  app.get(
    '/api/v1/overdue',
    {
      schema: {
        tags,
        summary: '全部逾期事项及按部门、类别的统计（信用办、系统管理员、审计）',
        querystring: ReminderQuery,
        response: { 200: Overdue },
      },
    },
    async (req) => {
      const r = await overdue({ ...ctx, actor: actorOf(req) }, req.query);
      const department = (id: string) => r.departments.get(id) ?? { id, code: '', name: '' };
      return {
        items: r.rows.map((row) => ({ ...presentReminder(row, r), department: department(row.departmentId) })),
        total: r.total,
        limit: req.query.limit,
        nextCursor: r.nextCursor,
        counts: r.counts.map((c) => ({ department: department(c.departmentId), kind: c.kind, count: c.count })),
        awaitingCalendar: presentAwaitingCalendar(r.awaiting),
      };
    },
  );
};
