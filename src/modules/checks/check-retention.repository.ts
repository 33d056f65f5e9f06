import { sql } from 'kysely';
import type { Executor } from '../shared/index.ts';

export interface StoredCheckBatch {
  auditSeq: bigint;
  newest: Date;
  records: number;
}

/**
 * The oldest check batches still holding records, in audit order, with each batch's newest check: read along the
 * (audit_seq, check_id) index, so a run reads only the batches it may remove.
 */
export async function oldestCheckBatches(db: Executor, limit: number): Promise<StoredCheckBatch[]> {
  const rows = await db
    .selectFrom('check_records')
    .select(['audit_seq', sql<Date>`max(checked_at)`.as('newest'), sql<string>`count(*)::text`.as('records')])
    .groupBy('audit_seq')
    .orderBy('audit_seq')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ auditSeq: BigInt(r.audit_seq), newest: new Date(r.newest), records: Number(r.records) }));
}

/** Removes the records of every check batch up to and including this audit row. */
export async function deleteCheckRecordsThrough(db: Executor, auditSeq: bigint): Promise<number> {
  const result = await db.deleteFrom('check_records').where('audit_seq', '<=', auditSeq).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** One advisory lock for the job: a manual run and a scheduled one never remove the same prefix twice. */
const LOCK_ID = 7254032;

/** Takes the job's lock until the transaction ends. */
export const lockRetention = (db: Executor) => sql`select pg_advisory_xact_lock(${LOCK_ID})`.execute(db);
