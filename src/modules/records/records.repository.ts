import { sql, type Insertable, type Selectable } from 'kysely';
import type { Executor, RecordsTable, SubjectsTable } from '../shared/index.ts';

export type RecordRow = Selectable<RecordsTable>;

export const findRecord = (db: Executor, id: string) =>
  db.selectFrom('records').selectAll().where('id', '=', id).executeTakeFirst();

/** Locks the record: of two concurrent steps the second sees the first's state. */
export const findRecordForUpdate = (db: Executor, id: string) =>
  db.selectFrom('records').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const findByDecisionNo = (db: Executor, departmentId: string, decisionNo: string) =>
  db
    .selectFrom('records')
    .select('id')
    .where('department_id', '=', departmentId)
    .where('decision_no', '=', decisionNo)
    .executeTakeFirst();

/** Inserts unless the department already has the decision number (then undefined). */
export const insertRecord = (db: Executor, row: Insertable<RecordsTable>) =>
  db
    .insertInto('records')
    .values(row)
    .onConflict((oc) => oc.columns(['department_id', 'decision_no']).doNothing())
    .returning('id')
    .executeTakeFirst();

export const updateRecord = (db: Executor, id: string, changes: Partial<Record<keyof RecordRow, unknown>>) =>
  db
    .updateTable('records')
    .set(changes as never)
    .where('id', '=', id)
    .execute();

export const setLastVersion = (db: Executor, id: string, version: bigint) =>
  db.updateTable('records').set({ last_version: version.toString() }).where('id', '=', id).execute();

/** A page of records, newest first, read as `limit + 1` rows after the cursor's (created_at, id). */
export function listRecords(
  db: Executor,
  filter: {
    departmentId?: string;
    subjectId?: string;
    state?: string;
    severity?: string;
    domain?: string;
    publicationLate?: boolean;
    limit: number;
    after: { createdAt: string; id: string } | null;
  },
) {
  let q = db
    .selectFrom('records')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit + 1);
  const after = filter.after;
  if (after)
    q = q.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(new Date(after.createdAt), after.id)));
  if (filter.departmentId) q = q.where('department_id', '=', filter.departmentId);
  if (filter.subjectId) q = q.where('subject_id', '=', filter.subjectId);
  if (filter.state) q = q.where('state', '=', filter.state as RecordRow['state']);
  if (filter.severity) q = q.where('severity', '=', filter.severity as RecordRow['severity']);
  if (filter.domain) q = q.where('domain', '=', filter.domain);
  if (filter.publicationLate !== undefined)
    q = q.where(sql`rule->'publication'->>'late'`, '=', String(filter.publicationLate));
  return q.execute();
}

/** What the government view of a record shows beside the record: its subject, department and domain. */
export interface RecordView {
  record: RecordRow;
  subject: Selectable<SubjectsTable>;
  department: { id: string; code: string; name: string };
  domain: { code: string; name: string };
}

/** The read models of a page of records: one query per related table for the whole page, whatever its size. */
export async function recordViews(db: Executor, rows: RecordRow[]): Promise<RecordView[]> {
  if (rows.length === 0) return [];
  const distinct = (pick: (r: RecordRow) => string) => [...new Set(rows.map(pick))];
  const [subjects, departments, domains] = await Promise.all([
    db
      .selectFrom('subjects')
      .selectAll()
      .where(
        'id',
        'in',
        distinct((r) => r.subject_id),
      )
      .execute(),
    db
      .selectFrom('departments')
      .select(['id', 'code', 'name'])
      .where(
        'id',
        'in',
        distinct((r) => r.department_id),
      )
      .execute(),
    db
      .selectFrom('record_domains')
      .select(['code', 'name'])
      .where(
        'code',
        'in',
        distinct((r) => r.domain),
      )
      .execute(),
  ]);
  const subjectById = new Map(subjects.map((x) => [x.id, x]));
  const departmentById = new Map(departments.map((x) => [x.id, x]));
  const domainByCode = new Map(domains.map((d) => [d.code, d]));
  return rows.map((record) => ({
    record,
    subject: subjectById.get(record.subject_id)!,
    department: departmentById.get(record.department_id)!,
    domain: domainByCode.get(record.domain) ?? { code: record.domain, name: record.domain },
  }));
}

export const eventsOfRecord = (db: Executor, id: string) =>
  db
    .selectFrom('events')
    .selectAll()
    .where('stream', '=', 'record')
    .where('stream_id', '=', id)
    .orderBy('version')
    .execute();

export const findDomain = (db: Executor, code: string) =>
  db.selectFrom('record_domains').selectAll().where('code', '=', code).executeTakeFirst();

/** The departments that record in the given domains (migration 0009), ordered by department code. */
export const recordingDepartments = (db: Executor, domains: readonly string[]) =>
  db
    .selectFrom('record_domain_departments')
    .innerJoin('departments', 'departments.id', 'record_domain_departments.department_id')
    .select(['record_domain_departments.domain', 'departments.id', 'departments.code', 'departments.name'])
    .where('record_domain_departments.domain', 'in', domains)
    .orderBy('departments.code')
    .execute();

export const holdsDomain = async (db: Executor, domain: string, departmentId: string) =>
  (await db
    .selectFrom('record_domain_departments')
    .select('domain')
    .where('domain', '=', domain)
    .where('department_id', '=', departmentId)
    .executeTakeFirst()) !== undefined;

export const clearRecordingDepartments = (db: Executor, domain: string) =>
  db.deleteFrom('record_domain_departments').where('domain', '=', domain).execute();

export const addRecordingDepartments = (db: Executor, domain: string, departmentIds: readonly string[]) =>
  db
    .insertInto('record_domain_departments')
    .values(departmentIds.map((department_id) => ({ domain, department_id })))
    .execute();
