import { sql } from 'kysely';
import type { Executor, FilingKind } from '../shared/index.ts';

/** Serializes attempts on one application number across processes, for the rest of the transaction. */
export const lockApplicationNo = (tx: Executor, applicationNo: string) =>
  sql`select pg_advisory_xact_lock(hashtext(${`tracking:${applicationNo}`}))`.execute(tx);

/** Times of recent failed attempts on a number, oldest first. */
export async function recentFailures(tx: Executor, applicationNo: string, since: Date): Promise<Date[]> {
  const rows = await tx
    .selectFrom('tracking_attempts')
    .select('attempted_at')
    .where('application_no', '=', applicationNo)
    .where('attempted_at', '>', since)
    .orderBy('attempted_at')
    .execute();
  return rows.map((r) => r.attempted_at);
}

/** Records a failure and forgets failures too old to count (numbers typed at random need not be kept). */
export async function recordFailure(tx: Executor, applicationNo: string, at: Date, forgetBefore: Date): Promise<void> {
  await tx.deleteFrom('tracking_attempts').where('attempted_at', '<=', forgetBefore).execute();
  await tx.insertInto('tracking_attempts').values({ application_no: applicationNo, attempted_at: at }).execute();
}

/** The tracking hash of a filing by its number (null when there is none). */
export async function trackingHashOf(
  tx: Executor,
  kind: FilingKind | null,
  applicationNo: string,
): Promise<string | null> {
  if (kind === null) return null;
  const table = kind === 'objection' ? 'objections' : kind === 'repair' ? 'repairs' : 'tipoffs';
  const row = await tx
    .selectFrom(table)
    .select('tracking_hash')
    .where('application_no', '=', applicationNo)
    .executeTakeFirst();
  return row?.tracking_hash ?? null;
}

export const objectionByNo = (db: Executor, no: string) =>
  db
    .selectFrom('objections')
    .select(['application_no', 'state', 'decision', 'due_date', 'created_at', 'decided_at'])
    .where('application_no', '=', no)
    .executeTakeFirstOrThrow();
export const repairByNo = (db: Executor, no: string) =>
  db
    .selectFrom('repairs')
    .select(['application_no', 'kind', 'state', 'decision', 'due_date', 'earliest_date', 'created_at', 'decided_at'])
    .where('application_no', '=', no)
    .executeTakeFirstOrThrow();
export const tipoffByNo = (db: Executor, no: string) =>
  db
    .selectFrom('tipoffs')
    .select(['application_no', 'state', 'result', 'created_at'])
    .where('application_no', '=', no)
    .executeTakeFirstOrThrow();

/** A filing as its filer may track it: the row of its kind, read by its number. */
export async function trackedFiling(db: Executor, kind: FilingKind, applicationNo: string) {
  const base = { kind, applicationNo };
  if (kind === 'objection') return { ...base, objection: await objectionByNo(db, applicationNo) };
  if (kind === 'repair') return { ...base, repair: await repairByNo(db, applicationNo) };
  return { ...base, tipoff: await tipoffByNo(db, applicationNo) };
}
export type TrackedFiling = {
  kind: FilingKind;
  applicationNo: string;
  objection?: Awaited<ReturnType<typeof objectionByNo>>;
  repair?: Awaited<ReturnType<typeof repairByNo>>;
  tipoff?: Awaited<ReturnType<typeof tipoffByNo>>;
};
