import { type Actor, type Executor, forbidden, hasRole } from '../shared/index.ts';
import { earliestDates, upwardDecided } from './applications.repository.ts';
import { isCreditOfficeCaller, type UpwardOrigin } from './routing.ts';

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
  const filter = { origins, since: query.since ? new Date(query.since) : new Date(0), limit: query.limit };
  const [objections, repairs] = await Promise.all([
    upwardDecided(db, 'objections', filter),
    upwardDecided(db, 'repairs', filter),
  ]);
  const earliest = await earliestDates(
    db,
    repairs.map((r) => r.id),
  );
  const items = [
    ...objections.map((o) => ({ kind: 'objection' as const, ...o, earliest_date: null })),
    ...repairs.map((r) => ({ kind: 'repair' as const, ...r, earliest_date: earliest.get(r.id) ?? null })),
  ]
    .sort((a, b) => a.decided_at!.getTime() - b.decided_at!.getTime() || (a.id < b.id ? -1 : 1))
    .slice(0, query.limit);
  return { outcomes: items };
}
