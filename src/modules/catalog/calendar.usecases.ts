// The working-day calendar (docs/domain/rules.md §10): read a year, replace a year (administrators),
// compute a deadline.
import type { Kysely } from 'kysely';
import { type DB, requireRole, WorkingCalendar, write } from '../shared/index.ts';
import { recomputeOpenDeadlines } from '../deadlines/index.ts';
import { dateConflict, dateDuplicate, dateOutsideYear } from './calendar.errors.ts';
import { listCalendarYear, readCalendarSeed, replaceCalendarYear } from './calendar.repository.ts';
import type { CalendarYearInput } from './calendar.schemas.ts';
import type { CalendarService } from './calendar.service.ts';
import type { CatalogWriteDeps } from './catalog.usecases.ts';

export interface CalendarYearView {
  year: number;
  known: boolean;
  source: string | null;
  holidays: { date: string; name: string }[];
  workdays: { date: string; name: string }[];
}

/** One stream per year, so a year's edits can be read back together from the event log. */
export const calendarStreamId = (year: number) => `00000000-0000-7000-8000-${String(year).padStart(12, '0')}`;

async function readYear(db: Parameters<typeof listCalendarYear>[0], year: number): Promise<CalendarYearView> {
  const { known, days } = await listCalendarYear(db, year);
  const of = (kind: 'holiday' | 'workday') =>
    days.filter((d) => d.kind === kind).map((d) => ({ date: d.day, name: d.name }));
  return {
    year,
    known: known !== undefined,
    source: known?.source ?? null,
    holidays: of('holiday'),
    workdays: of('workday'),
  };
}

export async function getCalendarYear(deps: { db: Kysely<DB> }, year: number) {
  return { calendar: await readYear(deps.db, year) };
}

/**
 * Replaces one year's holidays and adjusted working days. The event on stream 'calendar' makes every process reload
 * its calendar. Open deadlines are recomputed from the new calendar in the same write, with one log line of counts.
 * The audit row lists what changed.
 */
export async function setCalendarYear(deps: CatalogWriteDeps, year: number, input: CalendarYearInput) {
  requireRole(deps.actor, 'admin');
  checkDays(year, input);
  const { result, dataVersion } = await write(deps, deps.actor.ref, async (w) => {
    const before = await readYear(w.tx, year);
    await replaceCalendarYear(w.tx, {
      year,
      source: input.source,
      now: w.now,
      holidays: input.holidays,
      workdays: input.workdays,
    });
    const after = await readYear(w.tx, year);
    const { added, removed } = diff(before, after);
    w.event({ stream: 'calendar', streamId: calendarStreamId(year), type: 'calendar.year_set', payload: { year } });
    w.audit({
      action: 'calendar.year_set',
      target: `calendar:${year}`,
      details: { year, source: input.source, previousSource: before.source, added, removed },
    });
    // Same transaction: the edit and every open deadline it moves commit together, or neither does.
    const recomputed = await recomputeOpenDeadlines(w, new WorkingCalendar(await readCalendarSeed(w.tx)));
    return { after, recomputed };
  });
  deps.log?.info({ year, recomputed: result.recomputed }, 'calendar edit recomputed open deadlines');
  return { calendar: result.after, dataVersion };
}

/** The Nth working day after `from` (day 0). A year without a calendar is a 422, never a guess. */
export function computeDueDate(
  deps: { calendar: Pick<CalendarService, 'get'> },
  input: { from: string; days: number },
) {
  return { from: input.from, days: input.days, due: deps.calendar.get().addWorkingDays(input.from, input.days) };
}

function checkDays(year: number, input: CalendarYearInput): void {
  const seen = new Map<string, 'holidays' | 'workdays'>();
  for (const list of ['holidays', 'workdays'] as const) {
    input[list].forEach((day, i) => {
      const field = `${list}.${i}.date`;
      if (!day.date.startsWith(`${year}-`)) throw dateOutsideYear(field, year);
      const earlier = seen.get(day.date);
      if (earlier === list) throw dateDuplicate(field, day.date);
      if (earlier) throw dateConflict(field, day.date);
      seen.set(day.date, list);
    });
  }
}

type Day = { date: string; kind: 'holiday' | 'workday'; name: string };

function diff(before: CalendarYearView, after: CalendarYearView): { added: Day[]; removed: Day[] } {
  const days = (v: CalendarYearView): Day[] => [
    ...v.holidays.map((d) => ({ ...d, kind: 'holiday' as const })),
    ...v.workdays.map((d) => ({ ...d, kind: 'workday' as const })),
  ];
  const key = (d: Day) => `${d.date}|${d.kind}|${d.name}`;
  const old = new Set(days(before).map(key));
  const now = new Set(days(after).map(key));
  return { added: days(after).filter((d) => !old.has(key(d))), removed: days(before).filter((d) => !now.has(key(d))) };
}
