import type { Insertable, Selectable } from 'kysely';
import type { CommitmentsTable } from '../shared/db.workflows.types.ts';
import type { Executor } from '../shared/ledger.ts';

export type CommitmentRow = Selectable<CommitmentsTable>;

export const findCommitment = (db: Executor, id: string) =>
  db.selectFrom('commitments').selectAll().where('id', '=', id).executeTakeFirst();

export const findCommitmentByCode = (db: Executor, code: string) =>
  db.selectFrom('commitments').selectAll().where('code', '=', code).executeTakeFirst();

/** Locks the commitment: of two concurrent fulfilments the second sees the first's state and is refused. */
export const findCommitmentForUpdate = (db: Executor, id: string) =>
  db.selectFrom('commitments').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const openCommitmentsOfRepairForUpdate = (db: Executor, repairId: string) =>
  db
    .selectFrom('commitments')
    .selectAll()
    .where('repair_id', '=', repairId)
    .where('state', '=', 'open')
    .orderBy('id')
    .forUpdate()
    .execute();

export const insertCommitment = (db: Executor, row: Insertable<CommitmentsTable>) =>
  db.insertInto('commitments').values(row).execute();

export const updateCommitment = (db: Executor, id: string, changes: Partial<Insertable<CommitmentsTable>>) =>
  db.updateTable('commitments').set(changes).where('id', '=', id).execute();

export function listCommitments(
  db: Executor,
  filter: {
    departmentId?: string;
    subjectId?: string;
    uscc?: string;
    state?: string;
    type?: string;
    limit: number;
    offset: number;
  },
) {
  let q = db
    .selectFrom('commitments')
    .selectAll('commitments')
    .orderBy('commitments.created_at', 'desc')
    .orderBy('commitments.id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset);
  if (filter.departmentId) q = q.where('commitments.department_id', '=', filter.departmentId);
  if (filter.subjectId) q = q.where('commitments.subject_id', '=', filter.subjectId);
  if (filter.uscc)
    q = q.innerJoin('subjects', 'subjects.id', 'commitments.subject_id').where('subjects.uscc', '=', filter.uscc);
  if (filter.state) q = q.where('commitments.state', '=', filter.state as CommitmentRow['state']);
  if (filter.type) q = q.where('commitments.type', '=', filter.type as CommitmentRow['type']);
  return q.execute();
}
