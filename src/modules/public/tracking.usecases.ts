import type { Kysely } from 'kysely';
import type { PublicDeps } from '../applications/index.ts';
import { withdrawObjectionByParty } from '../objections/index.ts';
import { withdrawRepairByParty } from '../repairs/index.ts';
import {
  AppError,
  conflict,
  type DB,
  type FilingKind,
  kindOfApplicationNo,
  notFound,
  trackingSecretMatches,
} from '../shared/index.ts';
import * as repo from './tracking.repository.ts';
import { presentTracking } from './tracking.presenters.ts';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;

/** One answer for an unknown number and a wrong secret: neither tells whether the number exists. */
const wrongCredentials = () => notFound('申请', 'tracking.not_found');
const tooManyAttempts = (retryAfterSeconds: number) =>
  new AppError(
    'tracking.too_many_attempts',
    429,
    `该申请编号的查询失败次数过多，请在 ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} 分钟后再试。`,
    { retryAfterSeconds },
  );

/**
 * Verifies a number and its secret: constant-time comparison; failures counted per number in the database (so
 * across processes) under a per-number lock; five failures in 15 minutes lock the number for the rest of the window.
 */
export async function authenticateFiling(
  deps: { db: Kysely<DB>; clock: { now(): Date } },
  applicationNo: string,
  secret: string,
): Promise<FilingKind> {
  const now = deps.clock.now();
  const windowStart = new Date(now.getTime() - FAILURE_WINDOW_MS);
  const kind = kindOfApplicationNo(applicationNo);
  const outcome = await deps.db.transaction().execute(async (tx) => {
    await repo.lockApplicationNo(tx, applicationNo);
    const failures = await repo.recentFailures(tx, applicationNo, windowStart);
    if (failures.length >= MAX_FAILURES) {
      const freedAt = failures[failures.length - MAX_FAILURES]!.getTime() + FAILURE_WINDOW_MS;
      return { limited: Math.ceil((freedAt - now.getTime()) / 1000), matches: false };
    }
    const matches = trackingSecretMatches(secret, await repo.trackingHashOf(tx, kind, applicationNo));
    if (!matches) await repo.recordFailure(tx, applicationNo, now, windowStart);
    return { limited: undefined, matches };
  });
  if (outcome.limited !== undefined) throw tooManyAttempts(outcome.limited);
  if (!outcome.matches || kind === null) throw wrongCredentials();
  return kind;
}

export async function track(deps: PublicDeps, input: { applicationNo: string; trackingSecret: string }) {
  const kind = await authenticateFiling(deps, input.applicationNo, input.trackingSecret);
  return presentTracking(await repo.trackedFiling(deps.db, kind, input.applicationNo));
}

/** The party withdraws its objection or repair application before the decision. Tip-offs are not withdrawn here. */
export async function withdrawByParty(
  deps: PublicDeps & { config: { divisionCode: string } },
  input: { applicationNo: string; trackingSecret: string },
) {
  const kind = await authenticateFiling(deps, input.applicationNo, input.trackingSecret);
  if (kind === 'tipoff')
    throw conflict('tracking.not_withdrawable', '举报不能通过查询撤回，请联系受理部门。', { state: 'tipoff' });
  if (kind === 'objection') await withdrawObjectionByParty(deps, input.applicationNo);
  else await withdrawRepairByParty(deps, input.applicationNo);
  return presentTracking(await repo.trackedFiling(deps.db, kind, input.applicationNo));
}
