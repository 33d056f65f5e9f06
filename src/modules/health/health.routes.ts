import { z } from 'zod';
import type { CheckDeps } from '../checks/index.ts';
import type { RoutePlugin } from '../shared/index.ts';

const Liveness = z.object({ status: z.literal('ok') }).meta({ id: 'Liveness' });

const Readiness = z
  .object({
    ready: z.boolean().describe('核查索引已加载'),
    db: z.enum(['up', 'down']).describe('最近一次同步时数据库是否可达'),
    stale: z.boolean().describe('超过 5 秒未能同步：核查仍在答复，但依据的是最后加载的数据'),
    dataVersion: z.string().describe('核查索引所反映的数据版本'),
    checkRecords: z
      .object({
        pending: z.int().describe('已答复、尚未写入数据库的核查记录数（均已写入本机核查日志）'),
        failingSince: z
          .string()
          .nullable()
          .describe('核查记录自何时起因数据库不可用而写入失败（记录在本机日志中等待）；写入正常时为 null'),
        setAside: z
          .int()
          .describe('本进程启动以来被数据库拒收、已连同错误另存于审计日志（check.set_aside）的核查记录数'),
        lastSetAsideAt: z.string().nullable().describe('最近一次另存的时间'),
      })
      .describe('核查记录的写入情况：写入失败不影响就绪（核查照常答复），供监控告警'),
  })
  .meta({ id: 'Readiness' });

/**
 * Probes for load balancers. A database outage does not make a process unready: it keeps answering checks from
 * its index (marked stale), and taking every process out at once would stop all checks. Nor do failing check
 * records: they are reported in `checkRecords` for monitoring, since every process would fail alike.
 */
/** What readiness reads: the event sync, the check index and the check recorder. */
type HealthSources = Pick<CheckDeps, 'sync' | 'index' | 'recorder'>;

export const healthRoutes: RoutePlugin<HealthSources> = (app, ctx) => {
  app.get(
    '/healthz',
    {
      config: { public: true },
      schema: { tags: ['health'], summary: '存活检查：进程在运行即答复', response: { 200: Liveness } },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'no-store');
      return { status: 'ok' as const };
    },
  );

  app.get(
    '/readyz',
    {
      config: { public: true },
      schema: {
        tags: ['health'],
        summary: '就绪检查：核查索引加载后答复 200',
        response: { 200: Readiness, 503: Readiness },
      },
    },
    async (_req, reply) => {
      const status = ctx.sync.status();
      const ready = status.loaded && ctx.index.loaded;
      reply.code(ready ? 200 : 503).header('cache-control', 'no-store');
      return {
        ready,
        db: status.db,
        stale: status.stale,
        dataVersion: status.dataVersion.toString(),
        checkRecords: ctx.recorder.status(),
      };
    },
  );
};
