import { actorOf, type RoutePlugin } from '../shared/index.ts';
import { JobStatusList } from './jobs.schemas.ts';
import { getJobStatus } from './jobs.usecases.ts';

export const jobsRoutes: RoutePlugin = (app, ctx) => {
  app.get(
    '/api/v1/jobs',
    {
      schema: {
        tags: ['jobs'],
        summary: '后台作业状态（系统管理员、信用办、审计）：下次运行、是否在运行、上次耗时与结果',
        response: { 200: JobStatusList },
      },
    },
    async (req) => ({ items: await getJobStatus({ db: ctx.db, actor: actorOf(req) }) }),
  );
};
