// Reminders (issue 3 item 10): a department's inbox of open items near or past their deadline, and the credit
// office's view of everything overdue. Items come from every table in DUE_TABLES plus entries awaiting a statement
// or a decision, so a new kind of item with due_* columns shows up here without a change.
import type { Kysely } from 'kysely';
import {
  type Actor,
  addCalendarDays,
  badRequest,
  chinaDate,
  type Clock,
  type DB,
  decodeCursor,
  forbidden,
  hasRole,
  toPage,
  type WorkingCalendar,
} from '../shared/index.ts';
import { deadlineDays, dueOrPending, missingCalendarYear } from '../deadlines/index.ts';
import { listDepartments } from '../departments/index.ts';
import type { DueRow } from './reminders.kinds.ts';
import { awaitingCalendarRows, dueCounts, dueRows, type DueFilter } from './reminders.repository.ts';
import type { ReminderPage } from './reminders.schemas.ts';

export interface ReminderDeps {
  db: Kysely<DB>;
  clock: Clock;
  calendar: { get(): WorkingCalendar };
  actor: Actor;
}

const byDue = (a: DueRow, b: DueRow) =>
  a.dueDate.localeCompare(b.dueDate) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A page of the union of every source, after the cursor's (due date, kind, id): each source reads `limit + 1`. */
async function page(deps: ReminderDeps, filter: DueFilter, p: ReminderPage) {
  const after = decodeCursor(p.cursor, ['string', 'string', 'string'] as const);
  // A cursor is made by this list: a date and a uuid; anything else would otherwise reach the database (a 500).
  if (after && (!/^\d{4}-\d{2}-\d{2}$/.test(after[0]) || !UUID.test(after[2])))
    throw badRequest(
      'page.invalid_cursor',
      '分页游标 cursor 无效：请使用上一页返回的 nextCursor，或不传以从第一页开始。',
      {
        field: 'cursor',
      },
    );
  const union = await dueRows(
    deps.db,
    filter,
    p.limit + 1,
    after && { dueDate: after[0], kind: after[1], id: after[2] },
  );
  const { rows, nextCursor } = toPage(union.sort(byDue).slice(0, p.limit + 1), p.limit, (r) => [
    r.dueDate,
    r.kind,
    r.id,
  ]);
  const counts = await dueCounts(deps.db, filter);
  return { rows, nextCursor, counts, total: counts.reduce((sum, c) => sum + c.count, 0) };
}

/**
 * Open items with no due date yet because the year their deadline falls in has no calendar (docs/domain/rules.md §10).
 */
export interface AwaitingCalendar {
  years: number[];
  items: number;
}

async function awaitingCalendar(
  deps: ReminderDeps,
  calendar: WorkingCalendar,
  departmentId?: string,
): Promise<AwaitingCalendar> {
  const years = new Set<number>();
  let items = 0;
  for (const r of await awaitingCalendarRows(deps.db, departmentId)) {
    const year = missingCalendarYear(calendar, r.dueFrom, r.dueDays);
    // A year loaded since the item was made: the calendar edit recomputed it, or is doing so now.
    if (year === null) continue;
    years.add(year);
    items += r.count;
  }
  return { years: [...years].sort((a, b) => a - b), items };
}

/** The last day the reminder lead reaches; where it runs into a year with no calendar, the end of the last loaded year. */
function leadEnd(calendar: WorkingCalendar, today: string, lead: number): string {
  return dueOrPending(calendar, today, lead).due_date ?? `${calendar.years.at(-1) ?? today.slice(0, 4)}-12-31`;
}

/** The caller's department: items due within `reminder_lead` working days from today, and items already overdue. */
export async function inbox(deps: ReminderDeps, p: ReminderPage) {
  const calendar = deps.calendar.get();
  const today = chinaDate(deps.clock.now());
  const lead = await deadlineDays(deps.db, 'reminder_lead');
  const through = leadEnd(calendar, today, lead);
  const { rows, nextCursor, total } = await page(
    deps,
    { departmentId: deps.actor.departmentId, before: addCalendarDays(through, 1), today },
    p,
  );
  const awaiting = await awaitingCalendar(deps, calendar, deps.actor.departmentId);
  return { rows, nextCursor, total, today, calendar, awaiting };
}

/** Every department's overdue items, for those who supervise: the credit office, administrators and auditors. */
export async function overdue(deps: ReminderDeps, p: ReminderPage) {
  if (!hasRole(deps.actor, 'credit_office', 'admin', 'auditor'))
    throw forbidden('只有信用办、系统管理员和审计人员可以查看全部逾期事项。', 'reminders.forbidden');
  const calendar = deps.calendar.get();
  const today = chinaDate(deps.clock.now());
  const { rows, nextCursor, counts, total } = await page(deps, { before: today, today }, p);
  const departments = new Map(
    (await listDepartments(deps.db)).map((d) => [d.id, { id: d.id, code: d.code, name: d.name }]),
  );
  const awaiting = await awaitingCalendar(deps, calendar);
  return { rows, nextCursor, counts, total, today, calendar, departments, awaiting };
}
