import { departmentRefsByIds } from '../departments/index.ts';
import { sql, type Insertable, type Selectable } from 'kysely';
import type { DispatchesTable, Executor } from '../shared/index.ts';

export type DispatchRow = Selectable<DispatchesTable>;

/** The follower's position in the event log, locked: of two processes the second waits and sees the advance. */
export async function lockCursor(db: Executor, name: string): Promise<bigint> {
  const row = await db
    .selectFrom('job_cursors')
    .select('version')
    .where('name', '=', name)
    .forUpdate()
    .executeTakeFirst();
  if (row) return BigInt(row.version);
  // A cursor missing from the migration's seed (e.g. a new follower): create it at the log's start.
  await db
    .insertInto('job_cursors')
    .values({ name, version: '0', updated_at: new Date(0) })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return BigInt(
    (
      await db
        .selectFrom('job_cursors')
        .select('version')
        .where('name', '=', name)
        .forUpdate()
        .executeTakeFirstOrThrow()
    ).version,
  );
}

export const advanceCursor = (db: Executor, name: string, version: bigint, now: Date) =>
  db
    .updateTable('job_cursors')
    .set({ version: version.toString(), updated_at: now })
    .where('name', '=', name)
    .execute();

export async function readCursor(db: Executor, name: string): Promise<bigint> {
  const row = await db.selectFrom('job_cursors').select('version').where('name', '=', name).executeTakeFirst();
  return row ? BigInt(row.version) : 0n;
}

/** The next events after the cursor, every stream: the page's last version is where the cursor moves. */
export const eventsAfter = (db: Executor, after: bigint, limit: number) =>
  db
    .selectFrom('events')
    .select(['version', 'stream', 'stream_id', 'type', 'department_id', 'payload', 'occurred_at', 'effective_at'])
    .where('version', '>', after)
    .orderBy('version')
    .limit(limit)
    .execute();

/** Departments that already received a dispatch about the entry or record. */
export async function receiversOf(db: Executor, stream: string, streamId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('dispatches')
    .select('department_id')
    .distinct()
    .where('stream', '=', stream as 'entry')
    .where('stream_id', '=', streamId)
    .execute();
  return rows.map((r) => r.department_id);
}

/** Inserts the page's items; the unique (department, version) makes a repeated page harmless. */
export async function insertDispatches(db: Executor, rows: Insertable<DispatchesTable>[]) {
  if (rows.length === 0) return [];
  return db
    .insertInto('dispatches')
    .values(rows)
    .onConflict((oc) => oc.columns(['department_id', 'event_version']).doNothing())
    .returning(['id', 'department_id', 'event_version'])
    .execute();
}

export const findDispatch = (db: Executor, id: string) =>
  db.selectFrom('dispatches').selectAll().where('id', '=', id).executeTakeFirst();

export const findDispatchForUpdate = (db: Executor, id: string) =>
  db.selectFrom('dispatches').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const closeDispatch = (db: Executor, id: string, at: Date) =>
  db.updateTable('dispatches').set({ closed_at: at }).where('id', '=', id).where('closed_at', 'is', null).execute();

export interface InboxFilter {
  departmentId?: string;
  open?: boolean;
  overdue?: boolean;
  feedbackRequired?: boolean;
  today: string;
  limit: number;
  /** The sort key of the previous page's last item. */
  after: { eventVersion: bigint; departmentId: string } | null;
}

/**
 * An inbox page, newest first, read as `limit + 1` rows after the cursor. Overdue: open with its due date before
 * today (China time).
 */
export function listDispatches(db: Executor, f: InboxFilter) {
  let q = db
    .selectFrom('dispatches')
    .selectAll()
    .orderBy('event_version', 'desc')
    .orderBy('department_id', 'desc')
    .limit(f.limit + 1);
  const after = f.after;
  // The plain bound on event_version repeats the row comparison's first column: with a department filter the
  // (department_id, event_version) index can then start the scan at the cursor instead of filtering up to it.
  if (after)
    q = q
      .where('event_version', '<=', after.eventVersion)
      .where((eb) =>
        eb(eb.refTuple('event_version', 'department_id'), '<', eb.tuple(after.eventVersion, after.departmentId)),
      );
  if (f.departmentId) q = q.where('department_id', '=', f.departmentId);
  if (f.open !== undefined) q = q.where('closed_at', f.open ? 'is' : 'is not', null);
  if (f.feedbackRequired !== undefined) q = q.where('feedback_required', '=', f.feedbackRequired);
  if (f.overdue === true) q = q.where('closed_at', 'is', null).where('due_date', '<', f.today);
  if (f.overdue === false)
    q = q.where((eb) =>
      eb.or([eb('closed_at', 'is not', null), eb('due_date', 'is', null), eb('due_date', '>=', f.today)]),
    );
  return q.execute();
}

/** The change feed: a department's items after a data version, in event order. */
export const dispatchesAfter = (db: Executor, departmentId: string, since: bigint, limit: number) =>
  db
    .selectFrom('dispatches')
    .selectAll()
    .where('department_id', '=', departmentId)
    .where('event_version', '>', since)
    .orderBy('event_version')
    .limit(limit)
    .execute();

/** Code and name of the departments, by id (one query for a whole page). */
/** What the view of a dispatch item shows beside it: the receiving department and how many feedbacks it has. */
export interface DispatchView {
  dispatch: DispatchRow;
  department: { id: string; code: string; name: string };
  feedbackCount: number;
}

/** The read models of a page of dispatch items: two queries whatever the page's size. */
export async function dispatchViews(db: Executor, rows: DispatchRow[]): Promise<DispatchView[]> {
  const [departments, counts] = await Promise.all([
    departmentRefsByIds(db, [...new Set(rows.map((d) => d.department_id))]),
    feedbackCounts(
      db,
      rows.map((d) => d.id),
    ),
  ]);
  return rows.map((dispatch) => ({
    dispatch,
    department: departments.get(dispatch.department_id)!,
    feedbackCount: counts.get(dispatch.id) ?? 0,
  }));
}

export async function feedbackCounts(db: Executor, dispatchIds: string[]): Promise<Map<string, number>> {
  if (dispatchIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('feedback')
    .select(['dispatch_id', sql<string>`count(*)`.as('n')])
    .where('dispatch_id', 'in', dispatchIds)
    .groupBy('dispatch_id')
    .execute();
  return new Map(rows.map((r) => [r.dispatch_id!, Number(r.n)]));
}
