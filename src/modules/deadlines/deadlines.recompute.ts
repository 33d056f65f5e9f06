import {
  AppError,
  CalendarYearMissingError,
  partyDeadlineEnd,
  type WorkingCalendar,
  type Write,
} from '../shared/index.ts';
import * as repo from './deadlines.repository.ts';
import { DUE_TABLES, dueOrPending, type DueTable } from './deadlines.ts';

/**
 * A calendar edit moves the open statement deadlines it touches (docs/domain/rules.md §10): each entry still waiting
 * for a statement gets its due date recomputed from the notice's service date, with an event and an audit row.
 */
export async function recomputeStatementDeadlines(
  w: Write,
  calendar: WorkingCalendar,
): Promise<{ entryId: string; from: string; to: string }[]> {
  const open = await repo.lockServedNotices(w.tx);
  const moved: { entryId: string; from: string; to: string }[] = [];
  for (const entry of open) {
    const notice = entry.notice as { servedDate: string; statementPeriodWorkingDays: number; statementDue: string };
    const due = inKnownYear('entry', entry.id, () =>
      partyDeadlineEnd(calendar.addWorkingDays(notice.servedDate, notice.statementPeriodWorkingDays), calendar),
    );
    if (due === notice.statementDue) continue;
    await repo.setEntryNotice(w.tx, entry.id, { ...notice, statementDue: due }, w.now);
    recordEntryChange(w, entry, {
      deadline: 'statementDue',
      from: notice.statementDue,
      to: due,
      cause: 'calendar',
    });
    moved.push({ entryId: entry.id, from: notice.statementDue, to: due });
  }
  return moved;
}

/**
 * What entries' recordChange does for a change: the event on the entry's stream, the audit row, and the entry's last
 * data version. Written here because entries depend on the catalog, whose calendar edit calls this module: importing
 * entries would close a cycle.
 */
function recordEntryChange(w: Write, entry: { id: string; department_id: string }, payload: Record<string, unknown>) {
  const type = 'entry.deadline_recomputed';
  w.event({ stream: 'entry', streamId: entry.id, type, departmentId: entry.department_id, payload });
  w.audit({ action: type, target: `entry:${entry.id}`, details: payload });
  w.afterAppend(async (events) => {
    const last = events.filter((e) => e.streamId === entry.id).at(-1);
    if (last) await repo.setEntryLastVersion(w.tx, entry.id, last.version);
  });
}

export type RecomputedCounts = { entries: number } & Record<DueTable, number>;

/**
 * Every open deadline after a calendar edit, in the edit's transaction: the statement periods of notices, and each
 * open row (closed_at null, due_from and due_days set) of every table in DUE_TABLES, whose due date becomes
 * due_from + due_days working days on the new calendar. A moved item gets `<stream>.deadline_recomputed` on its
 * own stream and an audit row. Returns how many moved per table (for the one log line the caller writes).
 */
export async function recomputeOpenDeadlines(w: Write, calendar: WorkingCalendar): Promise<RecomputedCounts> {
  const counts = { entries: (await recomputeStatementDeadlines(w, calendar)).length } as RecomputedCounts;
  for (const table of Object.keys(DUE_TABLES) as DueTable[]) counts[table] = await recomputeTable(w, calendar, table);
  return counts;
}

const CHUNK = 500;

async function recomputeTable(w: Write, calendar: WorkingCalendar, table: DueTable): Promise<number> {
  const { stream } = DUE_TABLES[table];
  const open = await repo.openDueRows(w.tx, table);
  const changes = open.flatMap((row) => {
    // An item still waiting for a missing year's calendar keeps waiting; one with a date may not lose it.
    const to =
      row.due_date === null
        ? dueOrPending(calendar, row.due_from!, row.due_days!).due_date
        : inKnownYear(stream, row.id, () => calendar.addWorkingDays(row.due_from!, row.due_days!));
    return to === row.due_date
      ? []
      : [{ id: row.id, due_from: row.due_from, due_days: row.due_days, from: row.due_date, to }];
  });
  let moved = 0;
  for (let i = 0; i < changes.length; i += CHUNK) {
    const chunk = changes.slice(i, i + CHUNK);
    // One statement per chunk (moveDueDates says why a row it read may be skipped).
    const updated = await repo.moveDueDates(w.tx, table, chunk);
    const byId = new Map(chunk.map((c) => [c.id, c]));
    for (const row of updated) {
      const change = byId.get(row.id)!;
      const payload = { from: change.from, to: change.to, cause: 'calendar' };
      w.event({
        stream,
        streamId: row.id,
        type: `${stream}.deadline_recomputed`,
        departmentId: row.department_id,
        payload,
      });
      w.audit({ action: `${stream}.deadline_recomputed`, target: `${stream}:${row.id}`, details: payload });
      moved++;
    }
  }
  return moved;
}

/** A recomputed deadline that falls in a year with no calendar refuses the edit, naming the year and the item. */
function inKnownYear<T>(stream: string, id: string, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (!(error instanceof CalendarYearMissingError)) throw error;
    throw new AppError(
      'calendar.year_missing',
      422,
      `${error.year} 年的工作日历尚未录入，未结事项的期限无法按新日历重新计算；请先录入 ${error.year} 年的工作日历，再修改本年日历。`,
      { year: error.year, stream, itemId: id },
    );
  }
}
