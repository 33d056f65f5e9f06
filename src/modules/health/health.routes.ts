import { z } from 'zod';
import type { RoutePlugin } from '../../app/server.ts';

const Liveness = z.object({ status: z.literal('ok') }).meta({ id: 'Liveness' });

const Readiness = z.object({
  ready: z.boolean().describe('核查索引已加载'),
  db: z.enum(['up', 'down']).describe('最近一次同步时数据库是否可达'),
  stale: z.boolean().describe('超过 5 秒未能同步：核查仍在答复，但依据的是最后加载的数据'),
  dataVersion: z.string().describe('核查索引所反映的数据版本'),
}).meta({ id: 'Readiness' });

/**
 * Probes for load balancers. A database outage does not make a process unready: it keeps answering checks from
 * its index (marked stale), and taking every process out at once would stop all checks.
 */
export const healthRoutes: RoutePlugin = (app, ctx) => {
  app.get('/healthz', {
    config: { public: true },
    schema: { tags: ['health'], summary: '存活检查：进程在运行即答复', response: { 200: Liveness } },
  }, async (_req, reply) => {
    reply.header('cache-control', 'no-store');
    return { status: 'ok' as const };
  });

  app.get('/readyz', {
    config: { public: true },
    schema: { tags: ['health'], summary: '就绪检查：核查索引加载后答复 200', response: { 200: Readiness, 503: Readiness } },
  }, async (_req, reply) => {
    const status = ctx.sync.status();
    const ready = status.loaded && ctx.index.loaded;
    reply.code(ready ? 200 : 503).header('cache-control', 'no-store');
    return { ready, db: status.db, stale: status.stale, dataVersion: status.dataVersion.toString() };
  });
};
