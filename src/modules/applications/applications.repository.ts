import { departmentRefsByIds } from '../departments/index.ts';
import type { Selectable } from 'kysely';
import { type DB, type Executor, json, type ObjectionsTable, type RepairsTable } from '../shared/index.ts';

// The queries of the party's application workflow. Objections and repairs keep their own tables (0004-workflows.sql)
// with the same core columns; each function takes the table and works on that core, so the SQL is written once.

export type ApplicationTable = 'objections' | 'repairs';
export type ApplicationRowOf<T extends ApplicationTable> = Selectable<DB[T]>;
export type ApplicationRow = Selectable<ObjectionsTable> | Selectable<RepairsTable>;
/** The columns every kind has (0004-workflows.sql), states as text. */
export type ApplicationCore = Omit<Selectable<ObjectionsTable>, 'state' | 'content'> & { state: string };

// Kysely cannot type a query over a union of tables; the core columns are the same in both, so one of them stands in.
const core = (table: ApplicationTable) => table as 'objections';

export const findApplication = <T extends ApplicationTable>(db: Executor, table: T, id: string) =>
  db.selectFrom(core(table)).selectAll().where('id', '=', id).executeTakeFirst() as Promise<
    ApplicationRowOf<T> | undefined
  >;

export const findApplicationForUpdate = <T extends ApplicationTable>(db: Executor, table: T, id: string) =>
  db.selectFrom(core(table)).selectAll().where('id', '=', id).forUpdate().executeTakeFirst() as Promise<
    ApplicationRowOf<T> | undefined
  >;

export const findApplicationByNo = <T extends ApplicationTable>(db: Executor, table: T, applicationNo: string) =>
  db.selectFrom(core(table)).selectAll().where('application_no', '=', applicationNo).executeTakeFirst() as Promise<
    ApplicationRowOf<T> | undefined
  >;

export function insertApplication<T extends ApplicationTable>(db: Executor, table: T, row: Record<string, unknown>) {
  return db
    .insertInto(core(table))
    .values(row as never)
    .execute();
}

/** The decision (JSON) is serialized here; the other columns are set as given. */
export function updateApplication(
  db: Executor,
  table: ApplicationTable,
  id: string,
  changes: Record<string, unknown> & { decision?: Record<string, unknown> | null },
) {
  const { decision, ...rest } = changes;
  return db
    .updateTable(core(table))
    .set({
      ...(rest as object),
      ...(decision !== undefined ? { decision: decision === null ? null : json(decision) } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** Whether another application of the table on the same target is in one of `states`, other than `exceptId`. */
export async function openOnTarget(
  db: Executor,
  table: ApplicationTable,
  target: { stream: 'entry' | 'record'; id: string },
  states: string[],
  exceptId?: string,
) {
  let q = db
    .selectFrom(core(table))
    .select(['id', 'state'])
    .where('target_stream', '=', target.stream)
    .where('target_id', '=', target.id)
    .where('state', 'in', states as ObjectionsTable['state'][]);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.executeTakeFirst();
}

export interface ApplicationFilter {
  departmentId?: string;
  state?: string;
  origin?: string;
  kind?: string;
  limit: number;
  after: readonly [string, string] | null;
}

/**
 * One page, newest first, by keyset (created_at, id): reads limit + 1 rows so the caller knows whether another page
 * follows. A department sees what it decides and what it took in.
 */
export function listApplications<T extends ApplicationTable>(db: Executor, table: T, filter: ApplicationFilter) {
  let q = db
    .selectFrom(core(table))
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit + 1);
  const { departmentId: dept, after } = filter;
  if (dept) q = q.where((eb) => eb.or([eb('department_id', '=', dept), eb('filed_department_id', '=', dept)]));
  if (filter.state) q = q.where('state', '=', filter.state as ObjectionsTable['state']);
  if (filter.origin) q = q.where('origin', '=', filter.origin as ObjectionsTable['origin']);
  if (filter.kind) q = (q as typeof q).where('kind' as never, '=', filter.kind as never);
  if (after) q = q.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(new Date(after[0]), after[1])));
  return q.execute() as Promise<ApplicationRowOf<T>[]>;
}

/** Sets the target the credit office found and hands the application to the department that decided it. */
export const assignTarget = (
  db: Executor,
  table: ApplicationTable,
  id: string,
  target: { stream: 'entry' | 'record'; id: string; departmentId: string },
  now: Date,
) =>
  db
    .updateTable(core(table))
    .set({ target_stream: target.stream, target_id: target.id, department_id: target.departmentId, updated_at: now })
    .where('id', '=', id)
    .execute();

/** Decided (or withdrawn) filings from an upward platform since an instant, oldest first. */
export const upwardDecided = (
  db: Executor,
  table: ApplicationTable,
  filter: { origins: string[]; since: Date; limit: number },
) =>
  db
    .selectFrom(core(table))
    .select(['id', 'application_no', 'origin', 'origin_ref', 'state', 'decision', 'decided_at'])
    .where('origin', 'in', filter.origins as ObjectionsTable['origin'][])
    .where('decided_at', '>=', filter.since)
    .orderBy('decided_at')
    .orderBy('id')
    .limit(filter.limit)
    .execute();

/** The earliest dates of refused repairs, by id (the only per-kind column the upward outcomes carry). */
export async function earliestDates(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, string | null>();
  const rows = await db.selectFrom('repairs').select(['id', 'earliest_date']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.earliest_date]));
}

/** Routing: the credit office takes what matches no target (the oldest office, should there be more). */
export const creditOfficeDepartmentId = async (db: Executor) =>
  (
    await db
      .selectFrom('departments')
      .select('id')
      .where('kind', '=', 'credit_office')
      .orderBy('created_at')
      .executeTakeFirstOrThrow()
  ).id;

export type AttachmentMeta = {
  id: string;
  owner_id: string;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  created_at: Date;
};

/** The files of many applications in one query, by owner, each owner's in id order. */
export async function attachmentsOf(db: Executor, stream: 'objection' | 'repair', ownerIds: string[]) {
  const byOwner = new Map<string, AttachmentMeta[]>();
  if (ownerIds.length === 0) return byOwner;
  const rows = await db
    .selectFrom('attachments')
    .select(['id', 'owner_id', 'file_name', 'content_type', 'size', 'sha256', 'created_at'])
    .where('owner_stream', '=', stream)
    .where('owner_id', 'in', ownerIds)
    .orderBy('id')
    .execute();
  for (const r of rows) byOwner.set(r.owner_id, [...(byOwner.get(r.owner_id) ?? []), r]);
  return byOwner;
}

/** Rows with what their views show beside them, loaded in a constant number of queries whatever the count. */
export async function withRefs<R extends { id: string; department_id: string }>(
  db: Executor,
  stream: 'objection' | 'repair',
  rows: R[],
) {
  const [departments, attachments] = await Promise.all([
    departmentRefsByIds(
      db,
      rows.map((r) => r.department_id),
    ),
    attachmentsOf(
      db,
      stream,
      rows.map((r) => r.id),
    ),
  ]);
  return rows.map((row) => ({
    row,
    department: departments.get(row.department_id)!,
    attachments: attachments.get(row.id) ?? [],
  }));
}
export type WithRefs<R> = {
  row: R;
  department: { id: string; code: string; name: string };
  attachments: AttachmentMeta[];
};
