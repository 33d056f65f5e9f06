import type { Executor } from '../shared/index.ts';

// The SQL of what a commitment links to (commitments.usecases.ts, commitments.records.ts): the repair it belongs to,
// the record or entry that repair is about, and the record domain a broken commitment is recorded in.

export const domainCode = (db: Executor, code: string) =>
  db.selectFrom('record_domains').select('code').where('code', '=', code).executeTakeFirst();

export const repairOfCommitment = (db: Executor, repairId: string) =>
  db
    .selectFrom('repairs')
    .select(['id', 'department_id', 'target_stream', 'target_id'])
    .where('id', '=', repairId)
    .executeTakeFirst();

export const repairTarget = (db: Executor, repairId: string) =>
  db.selectFrom('repairs').select(['target_stream', 'target_id']).where('id', '=', repairId).executeTakeFirst();

export const subjectOfTarget = (db: Executor, table: 'records' | 'entries', id: string) =>
  db.selectFrom(table).select('subject_id').where('id', '=', id).executeTakeFirst();

export const findRecordForUpdate = (db: Executor, id: string) =>
  db.selectFrom('records').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/** Puts an ended record back in effect until `disclosureEnd`. */
export const restoreRecord = (db: Executor, id: string, disclosureEnd: string, now: Date) =>
  db
    .updateTable('records')
    .set({
      state: 'in_effect',
      ended_reason: null,
      ended_note: null,
      ended_at: null,
      disclosure_end: disclosureEnd,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
