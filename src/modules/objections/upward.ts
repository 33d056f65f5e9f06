import { hasRole, type Actor } from '../shared/actor.ts';
import { forbidden, unprocessable } from '../shared/errors.ts';
import type { Executor } from '../shared/ledger.ts';
import { creditOfficeDepartmentId } from './objections.repository.ts';

export type UpwardOrigin = 'credit_china' | 'provincial';
export const isUpward = (origin: string): origin is UpwardOrigin =>
  origin === 'credit_china' || origin === 'provincial';

/** The credit office exchanges with upward platforms: its users, or an API key of its department. */
export async function isCreditOfficeCaller(db: Executor, actor: Actor): Promise<boolean> {
  if (actor.kind === 'user' && hasRole(actor, 'credit_office')) return true;
  return actor.kind === 'api_key' && actor.departmentId === (await creditOfficeDepartmentId(db));
}

/** Filings that arrive from 信用中国 or the provincial platform carry the platform's own number. */
export async function assertUpwardFiling(
  db: Executor,
  actor: Actor,
  origin: string,
  originRef: string | undefined,
): Promise<void> {
  if (!isUpward(origin)) return;
  if (!(await isCreditOfficeCaller(db, actor))) {
    throw forbidden('上级平台转来的申请只能由信用办账号或信用办的 API 密钥录入。', 'upward.credit_office_only');
  }
  if (!originRef)
    throw unprocessable('upward.origin_ref_required', '来源为上级平台时须填写平台受理编号（originRef）。', {
      field: 'originRef',
    });
}

/** Decided (or withdrawn) filings from upward platforms since an instant, oldest first, for reporting back. */
export async function upwardOutcomes(
  db: Executor,
  actor: Actor,
  query: { origin?: UpwardOrigin; since?: string; limit: number },
) {
  if (!(await isCreditOfficeCaller(db, actor)) && !(actor.kind === 'user' && hasRole(actor, 'admin'))) {
    throw forbidden(
      '只有信用办、系统管理员或信用办的 API 密钥可以查询上级平台转来申请的办理结果。',
      'upward.credit_office_only',
    );
  }
  const origins: UpwardOrigin[] = query.origin ? [query.origin] : ['credit_china', 'provincial'];
  const since = query.since ? new Date(query.since) : new Date(0);
  const columns = ['id', 'application_no', 'origin', 'origin_ref', 'state', 'decision', 'decided_at'] as const;
  const [objections, repairs] = await Promise.all([
    db
      .selectFrom('objections')
      .select(columns)
      .where('origin', 'in', origins)
      .where('decided_at', '>=', since)
      .orderBy('decided_at')
      .orderBy('id')
      .limit(query.limit)
      .execute(),
    db
      .selectFrom('repairs')
      .select([...columns, 'earliest_date'])
      .where('origin', 'in', origins)
      .where('decided_at', '>=', since)
      .orderBy('decided_at')
      .orderBy('id')
      .limit(query.limit)
      .execute(),
  ]);
  const items = [
    ...objections.map((o) => ({ kind: 'objection' as const, ...o, earliest_date: null })),
    ...repairs.map((r) => ({ kind: 'repair' as const, ...r })),
  ]
    .sort((a, b) => a.decided_at!.getTime() - b.decided_at!.getTime() || (a.id < b.id ? -1 : 1))
    .slice(0, query.limit);
  return { outcomes: items };
}
