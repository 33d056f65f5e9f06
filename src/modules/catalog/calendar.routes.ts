import { actorOf, type RoutePlugin } from '../shared/index.ts';
import { CalendarYear, CalendarYearBody, WorkingDaysQuery, WorkingDaysResult, YearParams } from './calendar.schemas.ts';
import { computeDueDate, getCalendarYear, setCalendarYear } from './calendar.usecases.ts';

const tags = ['calendar'];

export const calendarRoutes: RoutePlugin = (app, ctx) => {
  app.get(
    '/api/v1/calendar/working-days',
    {
      config: { errorAnswers: [422] }, // calendar.year_missing
      schema: {
        tags,
        summary: '按工作日历计算期限：起算日为第0日，返回之后第 N 个工作日',
        querystring: WorkingDaysQuery,
        response: { 200: WorkingDaysResult },
      },
    },
    async (req) => computeDueDate(ctx, req.query),
  );

  app.get(
    '/api/v1/calendar/:year',
    {
      schema: {
        tags,
        summary: '某年的工作日历（放假日和调休上班日）',
        params: YearParams,
        response: { 200: CalendarYear },
      },
    },
    async (req) => (await getCalendarYear(ctx, req.params.year)).calendar,
  );

  app.put(
    '/api/v1/calendar/:year',
    {
      schema: {
        tags,
        summary: '录入或替换某年的工作日历（系统管理员）',
        params: YearParams,
        body: CalendarYearBody,
        response: { 200: CalendarYear },
      },
    },
    async (req) => (await setCalendarYear({ ...ctx, actor: actorOf(req) }, req.params.year, req.body)).calendar,
  );
};
