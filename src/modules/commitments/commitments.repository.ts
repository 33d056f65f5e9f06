import type { Insertable, Selectable } from 'kysely';
import type { CommitmentsTable, Executor, SubjectsTable } from '../shared/index.ts';

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

/** A page of commitments, newest first, read as `limit + 1` rows after the cursor's (created_at, id). */
export function listCommitments(
  db: Executor,
  filter: {
    departmentId?: string;
    subjectId?: string;
    uscc?: string;
    state?: string;
    type?: string;
    limit: number;
    after: { createdAt: string; id: string } | null;
  },
) {
  let q = db
    .selectFrom('commitments')
    .selectAll('commitments')
    .orderBy('commitments.created_at', 'desc')
    .orderBy('commitments.id', 'desc')
    .limit(filter.limit + 1);
  const after = filter.after;
  if (after)
    q = q.where((eb) =>
      eb(eb.refTuple('commitments.created_at', 'commitments.id'), '<', eb.tuple(new Date(after.createdAt), after.id)),
    );
  if (filter.departmentId) q = q.where('commitments.department_id', '=', filter.departmentId);
  if (filter.subjectId) q = q.where('commitments.subject_id', '=', filter.subjectId);
  if (filter.uscc)
    q = q.innerJoin('subjects', 'subjects.id', 'commitments.subject_id').where('subjects.uscc', '=', filter.uscc);
  if (filter.state) q = q.where('commitments.state', '=', filter.state as CommitmentRow['state']);
  if (filter.type) q = q.where('commitments.type', '=', filter.type as CommitmentRow['type']);
  return q.execute();
}

/** What the government view of a commitment shows beside it: its subject and department. */
export interface CommitmentView {
  commitment: CommitmentRow;
  subject: Selectable<SubjectsTable>;
  department: { id: string; code: string; name: string };
}

/** The read models of a page of commitments: two queries whatever the page's size. */
export async function commitmentViews(db: Executor, rows: CommitmentRow[]): Promise<CommitmentView[]> {
  if (rows.length === 0) return [];
  const [subjects, departments] = await Promise.all([
    db
      .selectFrom('subjects')
      .selectAll()
      .where('id', 'in', [...new Set(rows.map((c) => c.subject_id))])
      .execute(),
    db
      .selectFrom('departments')
      .select(['id', 'code', 'name'])
      .where('id', 'in', [...new Set(rows.map((c) => c.department_id))])
      .execute(),
  ]);
  const subjectById = new Map(subjects.map((x) => [x.id, x]));
  const departmentById = new Map(departments.map((x) => [x.id, x]));
  return rows.map((commitment) => ({
    commitment,
    subject: subjectById.get(commitment.subject_id)!,
    department: departmentById.get(commitment.department_id)!,
  }));
}
