import { sql, type Insertable, type Selectable } from 'kysely';
import type { Executor, FeedbackTable } from '../shared/index.ts';

export type FeedbackRow = Selectable<FeedbackTable>;

export const insertFeedback = (db: Executor, row: Insertable<FeedbackTable>) =>
  db.insertInto('feedback').values(row).execute();

export async function hasFeedback(
  db: Executor,
  target: { dispatchId?: string; checkId?: string },
  measureId: string,
  departmentId: string,
) {
  let q = db
    .selectFrom('feedback')
    .select('id')
    .where('measure_id', '=', measureId)
    .where('department_id', '=', departmentId);
  q = target.dispatchId ? q.where('dispatch_id', '=', target.dispatchId) : q.where('check_id', '=', target.checkId!);
  return (await q.executeTakeFirst()) !== undefined;
}

/** Feedback with its department and measure, for presenting. */
export function feedbackWithRefs(db: Executor) {
  return db
    .selectFrom('feedback')
    .innerJoin('departments', 'departments.id', 'feedback.department_id')
    .leftJoin('measures', 'measures.id', 'feedback.measure_id')
    .selectAll('feedback')
    .select([
      'departments.code as department_code',
      'departments.name as department_name',
      'measures.code as measure_code',
      'measures.title as measure_title',
    ]);
}
export type FeedbackView = Awaited<ReturnType<ReturnType<typeof feedbackWithRefs>['execute']>>[number];

export const feedbackOfEntry = (db: Executor, entryId: string) =>
  feedbackWithRefs(db)
    .where('feedback.entry_id', '=', entryId)
    .orderBy('feedback.created_at')
    .orderBy('feedback.id')
    .execute();

export const findFeedbackView = (db: Executor, id: string) =>
  feedbackWithRefs(db).where('feedback.id', '=', id).executeTakeFirstOrThrow();

/** A check made by the department, with the entries it hit (check_records.subjects[].entryIds). */
export async function checkOfDepartment(db: Executor, checkId: string, departmentId: string) {
  const row = await db
    .selectFrom('check_records')
    .select(['check_id', 'subjects'])
    .where('check_id', '=', checkId)
    .where('department_id', '=', departmentId)
    .executeTakeFirst();
  if (!row) return null;
  const subjects = row.subjects as { entryIds?: string[] }[];
  return { checkId: row.check_id, entryIds: [...new Set(subjects.flatMap((s) => s.entryIds ?? []))] };
}

/** The measures of these entries that the department implements, with the entry each comes from. */
export async function implementedMeasures(db: Executor, entryIds: string[], departmentId: string) {
  if (entryIds.length === 0) return [];
  return db
    .selectFrom('entry_measures')
    .innerJoin('measures', 'measures.id', 'entry_measures.measure_id')
    .select(['entry_measures.entry_id', 'measures.id'])
    .where('entry_measures.entry_id', 'in', entryIds)
    .where('measures.implementing_department_id', '=', departmentId)
    .execute();
}

export interface PeriodFilter {
  fromInstant: Date;
  toInstant: Date;
  from: string;
  to: string;
  today: string;
  departmentId?: string;
}

/** Per receiving department: items dispatched in the period and what became of their feedback. */
export async function dispatchStats(db: Executor, f: PeriodFilter) {
  const department = f.departmentId ? sql`and d.department_id = ${f.departmentId}` : sql``;
  const { rows } = await sql<{
    department_id: string;
    dispatched: bigint;
    required: bigint;
    fed_back: bigint;
    on_time: bigint;
    late: bigint;
    overdue: bigint;
  }>`
    select d.department_id,
      count(*) as dispatched,
      count(*) filter (where d.feedback_required) as required,
      count(*) filter (where d.feedback_required and f.n is not null) as fed_back,
      count(*) filter (where d.feedback_required and f.on_time is true) as on_time,
      count(*) filter (where d.feedback_required and f.on_time is false) as late,
      count(*) filter (where d.feedback_required and d.closed_at is null and d.due_date < ${f.today}::date) as overdue
    from dispatches d
    left join (
      select dispatch_id, count(*) as n, bool_or(on_time) as on_time from feedback where dispatch_id is not null group by dispatch_id
    ) f on f.dispatch_id = d.id
    where d.created_at >= ${f.fromInstant} and d.created_at < ${f.toInstant} ${department}
    group by d.department_id`.execute(db);
  return rows;
}

/** Per department and measure: feedback handled in the period, applied or not (dispatch and check feedback). */
export async function measureStats(db: Executor, f: PeriodFilter) {
  const department = f.departmentId ? sql`and f.department_id = ${f.departmentId}` : sql``;
  const { rows } = await sql<{
    department_id: string;
    measure_id: string;
    code: string;
    title: string;
    applied: bigint;
    not_applied: bigint;
  }>`
    select f.department_id, f.measure_id, m.code, m.title,
      count(*) filter (where f.applied) as applied,
      count(*) filter (where not f.applied) as not_applied
    from feedback f join measures m on m.id = f.measure_id
    where f.handled_date >= ${f.from}::date and f.handled_date <= ${f.to}::date ${department}
    group by f.department_id, f.measure_id, m.code, m.title
    order by m.code`.execute(db);
  return rows;
}

/** The entry feedback is asked about, with the department that initiated it. */
export const entryOwner = (db: Executor, entryId: string) =>
  db.selectFrom('entries').select(['id', 'department_id']).where('id', '=', entryId).executeTakeFirst();

/** Every department, by code: the rows of the statistics. */
export const departmentsByCode = (db: Executor) =>
  db.selectFrom('departments').select(['id', 'code', 'name']).orderBy('code').execute();
