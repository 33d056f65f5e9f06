import { sql } from 'kysely';
import type { DeadlineKey, DueTable } from './deadlines.ts';
import { type Executor, json } from '../shared/index.ts';

export const findDeadlineDays = (db: Executor, key: DeadlineKey) =>
  db.selectFrom('deadline_settings').select('working_days').where('key', '=', key).executeTakeFirst();

/** The entries waiting for a statement, locked until the calendar edit commits. */
export const lockServedNotices = (db: Executor) =>
  db
    .selectFrom('entries')
    .select(['id', 'department_id', 'notice'])
    .where('state', '=', 'notice_served')
    .forUpdate()
    .execute();

export const setEntryNotice = (db: Executor, id: string, notice: Record<string, unknown>, now: Date) =>
  db
    .updateTable('entries')
    .set({ notice: json(notice), updated_at: now })
    .where('id', '=', id)
    .execute();

/** The entry's last data version, as entries store it after each change (decision 0002). */
export const setEntryLastVersion = (db: Executor, id: string, version: bigint) =>
  db.updateTable('entries').set({ last_version: version.toString() }).where('id', '=', id).execute();

/** The open rows of a due-date table whose deadline counts working days from a day 0. */
export const openDueRows = (db: Executor, table: DueTable) =>
  // Every DUE_TABLES table has the same due_* columns (decision 0009); 'dispatches' stands for their shared type.
  db
    .selectFrom(table as 'dispatches')
    .select(['id', 'department_id', 'due_from', 'due_days', 'due_date'])
    .where('closed_at', 'is', null)
    .where('due_from', 'is not', null)
    .where('due_days', 'is not', null)
    .orderBy('id')
    .execute();

export interface DueMove {
  id: string;
  due_from: string | null;
  due_days: number | null;
  to: string | null;
}

/**
 * Moves the due dates of a chunk in one statement. The guard on due_from/due_days/closed_at skips a row that closed
 * or got a new deadline since it was read; the update's row lock keeps it from changing until the edit commits.
 */
export async function moveDueDates(db: Executor, table: DueTable, moves: DueMove[]) {
  const values = json(moves.map((c) => ({ id: c.id, due_from: c.due_from, due_days: c.due_days, to_date: c.to })));
  const updated = await sql<{ id: string; department_id: string }>`
      update ${sql.table(table)} as t set due_date = v.to_date
      from jsonb_to_recordset(${values}::jsonb)
        as v(id uuid, due_from date, due_days integer, to_date date)
      where t.id = v.id and t.closed_at is null and t.due_from = v.due_from and t.due_days = v.due_days
      returning t.id, t.department_id`.execute(db);
  return updated.rows;
}
