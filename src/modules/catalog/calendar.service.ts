import type { Kysely } from 'kysely';
import { type DB, type EventRow, WorkingCalendar } from '../shared/index.ts';
import { readCalendarSeed } from './calendar.repository.ts';

/** The working-day calendar in memory, reloaded in every process when the calendar stream changes. */
export class CalendarService {
  private calendar = new WorkingCalendar({ years: [], holidays: [], workdays: [] });
  constructor(private readonly deps: { db: Kysely<DB> }) {}

  async load(): Promise<void> {
    this.calendar = new WorkingCalendar(await readCalendarSeed(this.deps.db));
  }

  async apply(events: EventRow[]): Promise<void> {
    if (events.some((e) => e.stream === 'calendar')) await this.load();
  }

  get(): WorkingCalendar {
    return this.calendar;
  }
}
