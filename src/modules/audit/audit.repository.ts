import { sql } from 'kysely';
import type { Executor } from '../shared/index.ts';

export interface LedgerHeadRow {
  audit_seq: bigint;
  audit_hash: string;
}

export interface AuditRow {
  seq: bigint;
  at: Date;
  actor: string;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

export interface CheckpointRow {
  seq: bigint;
  hash: string;
  signed_at: Date;
  key_id: string;
  signature: string;
}

export interface CheckRecordAuditRow {
  check_id: string;
  checked_at: Date;
  department_id: string;
  actor: string;
  scenario: string | null;
  data_version: bigint;
  stale: boolean;
  subjects: unknown[];
  audit_seq: bigint;
}

export async function readAuditHead(ex: Executor): Promise<LedgerHeadRow> {
  const head = await ex
    .selectFrom('ledger_head')
    .select(['audit_seq', 'audit_hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return { audit_seq: BigInt(head.audit_seq), audit_hash: head.audit_hash };
}

export async function latestCheckpoint(ex: Executor): Promise<CheckpointRow | null> {
  const row = await ex.selectFrom('audit_checkpoints').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return row ?? null;
}

/** Inserts a checkpoint unless another process already signed that sequence number; true when this one did. */
export async function insertCheckpoint(ex: Executor, checkpoint: CheckpointRow): Promise<boolean> {
  const inserted = await ex
    .insertInto('audit_checkpoints')
    .values({ ...checkpoint, seq: checkpoint.seq.toString() })
    .onConflict((oc) => oc.column('seq').doNothing())
    .returning('seq')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Audit rows after `afterSeq` up to and including `upTo`, in sequence order. */
export async function auditRowsAfter(ex: Executor, afterSeq: bigint, upTo: bigint, limit: number): Promise<AuditRow[]> {
  return ex
    .selectFrom('audit_log')
    .selectAll()
    .where('seq', '>', afterSeq)
    .where('seq', '<=', upTo)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export async function checkpointsAfter(
  ex: Executor,
  afterSeq: bigint,
  upTo: bigint,
  limit: number,
): Promise<CheckpointRow[]> {
  return ex
    .selectFrom('audit_checkpoints')
    .selectAll()
    .where('seq', '>', afterSeq)
    .where('seq', '<=', upTo)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

/** Check records in (audit_seq, check_id) order: the order the verifier hashes each batch in. */
export async function checkRecordsAfter(
  ex: Executor,
  after: { auditSeq: bigint; checkId: string } | null,
  upTo: bigint,
  limit: number,
): Promise<CheckRecordAuditRow[]> {
  let query = ex.selectFrom('check_records').selectAll().where('audit_seq', '<=', upTo);
  if (after) {
    query = query.where((eb) => eb(eb.refTuple('audit_seq', 'check_id'), '>', eb.tuple(after.auditSeq, after.checkId)));
  }
  return query.orderBy('audit_seq').orderBy('check_id').limit(limit).execute();
}

/**
 * Up to which audit row the retention job removed check records on purpose: the throughSeq of its latest
 * 'check.records_purged' row (found by a partial index), 0 when it never ran. Purges are contiguous from the
 * oldest batch, so one number covers them all.
 */
export async function checkRecordsPurgedThrough(ex: Executor): Promise<bigint> {
  // A literal, not a parameter: the partial index's predicate must match the query's at planning time.
  const row = await ex
    .selectFrom('audit_log')
    .select('details')
    .where('action', '=', sql.lit('check.records_purged'))
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const through = (row?.details as { throughSeq?: unknown } | undefined)?.throughSeq;
  return typeof through === 'string' && /^\d+$/.test(through) ? BigInt(through) : 0n;
}

/** The audit log as readers page through it. */
export async function listAuditRows(ex: Executor, afterSeq: bigint, limit: number): Promise<AuditRow[]> {
  return ex.selectFrom('audit_log').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
}

/**
 * Whether the database has an audit log with rows, or a head saying it had some (then rows removed is a finding);
 * false for a database never migrated. `credlink audit verify` refuses to call an empty log verified.
 */
export async function hasAuditRows(ex: Executor): Promise<boolean> {
  const present = await sql<{
    present: boolean;
  }>`select to_regclass('ledger_head') is not null and to_regclass('audit_log') is not null as present`.execute(ex);
  if (!present.rows[0]?.present) return false;
  const head = await ex.selectFrom('ledger_head').select('audit_seq').where('id', '=', 1).executeTakeFirst();
  if (head && head.audit_seq > 0n) return true;
  return (await ex.selectFrom('audit_log').select('seq').limit(1).executeTakeFirst()) !== undefined;
}
