import { sql, type RawBuilder } from 'kysely';
import { DUE_TABLES, type DueTable } from '../deadlines/index.ts';
import type { Executor } from '../shared/index.ts';
import { KIND_DETAILS, type DueRow } from './reminders.kinds.ts';

/** Open items due before `before` (exclusive), of one department or all; `today` splits statements from decisions. */
export interface DueFilter {
  departmentId?: string;
  before: string;
  today: string;
}

const tables = () => Object.keys(DUE_TABLES) as DueTable[];
const statementDue = sql<string>`entries.notice->>'statementDue'`;

// Every table in DUE_TABLES has the same due_* columns (decision 0009); 'dispatches' stands for their shared type.
function openDue(db: Executor, table: DueTable, filter: DueFilter) {
  let q = db
    .selectFrom(table as 'dispatches')
    .where('closed_at', 'is', null)
    .where('due_date', 'is not', null)
    .where('due_date', '<', filter.before);
  if (filter.departmentId) q = q.where('department_id', '=', filter.departmentId);
  return q;
}

/**
 * Entries still waiting for the party's statement (notice served, period running), and entries whose statement
 * period has passed without a decision.
 */
function waitingEntries(db: Executor, filter: DueFilter) {
  let q = db
    .selectFrom('entries')
    .where('notice', 'is not', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('state', '=', 'notice_served'), eb(statementDue, '<', filter.before)]),
        eb.and([eb('state', '=', 'statement_recorded'), eb(statementDue, '<', filter.today)]),
      ]),
    );
  if (filter.departmentId) q = q.where('entries.department_id', '=', filter.departmentId);
  return q;
}

/** Where a page starts: the sort key (due date, kind, id) of the previous page's last item. */
export interface DueAfter {
  dueDate: string;
  kind: string;
  id: string;
}

/**
 * The items of one source (all of one kind at the cursor's due date) that sort after the cursor: with a kind after
 * the cursor's, from its due date on; with the same kind, after its (due date, id); with a kind before, after its
 * due date.
 */
function afterCursor(due: RawBuilder<string>, id: RawBuilder<string>, kind: string, after: DueAfter) {
  const order = kind.localeCompare(after.kind);
  if (order > 0) return sql<boolean>`${due} >= ${after.dueDate}`;
  if (order < 0) return sql<boolean>`${due} > ${after.dueDate}`;
  return sql<boolean>`(${due}, ${id}) > (${after.dueDate}, ${after.id}::uuid)`;
}

/**
 * The first `limit` items of each source by due date after the cursor; the caller merges them and cuts the page
 * from the union (a constant number of queries: one per source).
 */
export async function dueRows(
  db: Executor,
  filter: DueFilter,
  limit: number,
  after: DueAfter | null = null,
): Promise<DueRow[]> {
  const rows: DueRow[] = [];
  for (const table of tables()) {
    const details = KIND_DETAILS[table] ?? {};
    let q = openDue(db, table, filter);
    if (after) q = q.where(afterCursor(sql`due_date`, sql`id`, DUE_TABLES[table].stream, after));
    const found = await q
      .select(['id', 'department_id', 'due_date'])
      .select(sql<string | null>`${details.ref ? sql`${sql.ref(details.ref)}::text` : sql`null`}`.as('ref'))
      .select(sql<string | null>`${details.state ? sql`${sql.ref('state')}::text` : sql`null`}`.as('state'))
      .orderBy('due_date')
      .orderBy('id')
      .limit(limit)
      .execute();
    for (const r of found) {
      rows.push({
        kind: DUE_TABLES[table].stream,
        table,
        id: r.id,
        departmentId: r.department_id,
        dueDate: r.due_date!,
        ref: r.ref,
        state: r.state,
        detail: null,
      });
    }
  }
  let waiting = waitingEntries(db, filter);
  // An entry's kind follows from its due date, so at the cursor's date all entries have the same kind.
  if (after)
    waiting = waiting.where(
      afterCursor(statementDue, sql`entries.id`, after.dueDate < filter.today ? 'decision' : 'statement', after),
    );
  const entries = await waiting
    .innerJoin('list_types', 'list_types.id', 'entries.list_type_id')
    .select([
      'entries.id',
      'entries.department_id',
      'list_types.name',
      statementDue.as('due'),
      sql<string>`entries.notice->>'documentNo'`.as('document_no'),
    ])
    .orderBy(statementDue)
    .orderBy('entries.id')
    .limit(limit)
    .execute();
  for (const e of entries) {
    rows.push({
      kind: e.due < filter.today ? 'decision' : 'statement',
      table: 'entries',
      id: e.id,
      departmentId: e.department_id,
      dueDate: e.due,
      ref: e.document_no,
      state: null,
      detail: e.name,
    });
  }
  return rows;
}

/** How many items each source holds per department (and, for entries, per kind). */
export async function dueCounts(
  db: Executor,
  filter: DueFilter,
): Promise<{ departmentId: string; kind: string; count: number }[]> {
  const out: { departmentId: string; kind: string; count: number }[] = [];
  for (const table of tables()) {
    const found = await openDue(db, table, filter)
      .select(['department_id', (eb) => eb.fn.countAll<string>().as('n')])
      .groupBy('department_id')
      .execute();
    for (const r of found)
      out.push({ departmentId: r.department_id, kind: DUE_TABLES[table].stream, count: Number(r.n) });
  }
  const kind = sql<string>`case when ${statementDue} < ${filter.today} then 'decision' else 'statement' end`;
  const waiting = waitingEntries(db, filter)
    .select(['entries.department_id', kind.as('kind')])
    .as('w');
  const entries = await db
    .selectFrom(waiting)
    .select(['w.department_id', 'w.kind', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy(['w.department_id', 'w.kind'])
    .execute();
  for (const r of entries) out.push({ departmentId: r.department_id, kind: r.kind, count: Number(r.n) });
  return out;
}

/**
 * Open items whose deadline waits for a year's calendar (due_date null): each distinct (day 0, days) with how many
 * items of one department or of all share it, so the caller can name the missing years without reading every item.
 */
export async function awaitingCalendarRows(
  db: Executor,
  departmentId?: string,
): Promise<{ dueFrom: string; dueDays: number; count: number }[]> {
  const out: { dueFrom: string; dueDays: number; count: number }[] = [];
  for (const table of tables()) {
    let q = db
      .selectFrom(table as 'dispatches')
      .where('closed_at', 'is', null)
      .where('due_date', 'is', null)
      .where('due_from', 'is not', null)
      .where('due_days', 'is not', null);
    if (departmentId) q = q.where('department_id', '=', departmentId);
    const found = await q
      .select(['due_from', 'due_days', (eb) => eb.fn.countAll<string>().as('n')])
      .groupBy(['due_from', 'due_days'])
      .execute();
    for (const r of found) out.push({ dueFrom: r.due_from!, dueDays: r.due_days!, count: Number(r.n) });
  }
  return out;
}
