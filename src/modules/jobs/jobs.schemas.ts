import { z } from 'zod';

export const JobStatus = z
  .object({
    name: z
      .string()
      .describe('作业名称：expiry 到期处理、lifting-expiry 暂停惩戒到期、dispatch 推送、webhook-delivery 回调投递'),
    label: z.string().describe('作业说明'),
    intervalMs: z.int().describe('运行间隔（毫秒）'),
    nextRunAt: z.iso.datetime().describe('下次到期运行时间（数据库时钟）'),
    running: z.boolean().describe('是否有进程正在运行（持有未过期的租约）'),
    leaseOwner: z.string().nullable().describe('持有租约的进程（主机名:进程号:随机后缀）'),
    leaseUntil: z.iso.datetime().nullable(),
    lastStartedAt: z.iso.datetime().nullable(),
    lastFinishedAt: z.iso.datetime().nullable(),
    lastDurationMs: z.int().nullable(),
    lastError: z.string().nullable().describe('上次运行失败的原因；成功则为 null'),
    lastResult: z.unknown().nullable().describe('上次运行的结果（如处理条数）'),
    runs: z.string().describe('按计划运行的次数（int8，字符串）'),
    failures: z.string().describe('其中失败的次数'),
  })
  .meta({ id: 'JobStatus' });

export const JobStatusList = z.object({ items: z.array(JobStatus) });
