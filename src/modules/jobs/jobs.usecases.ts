import { type Actor, type Executor, forbidden, hasRole } from '../shared/index.ts';
import { listJobs } from './jobs.repository.ts';

const LABELS: Record<string, string> = {
  expiry: '名单、失信信息到期处理',
  'lifting-expiry': '重整和解暂停惩戒到期恢复',
  dispatch: '生成推送事项',
  'webhook-delivery': '回调投递与重试',
};

/** How each scheduled job last ran: for administrators, the credit office and auditors. */
export async function getJobStatus(deps: { db: Executor; actor: Actor }) {
  if (!hasRole(deps.actor, 'admin', 'credit_office', 'auditor')) {
    throw forbidden('只有系统管理员、信用办或审计人员可以查看后台作业状态。', 'jobs.forbidden');
  }
  const rows = await listJobs(deps.db);
  return rows.map((r) => ({
    name: r.name,
    label: LABELS[r.name] ?? r.name,
    intervalMs: r.interval_ms,
    nextRunAt: r.next_run_at.toISOString(),
    running: r.lease_until !== null && r.lease_until > r.db_now,
    leaseOwner: r.lease_owner,
    leaseUntil: r.lease_until?.toISOString() ?? null,
    lastStartedAt: r.last_started_at?.toISOString() ?? null,
    lastFinishedAt: r.last_finished_at?.toISOString() ?? null,
    lastDurationMs: r.last_duration_ms,
    lastError: r.last_error,
    lastResult: r.last_result ?? null,
    runs: r.runs.toString(),
    failures: r.failures.toString(),
  }));
}
