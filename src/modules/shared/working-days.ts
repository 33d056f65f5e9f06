// Working days per the official calendar, counted in China Standard Time: docs/domain/rules.md §10.
// Dates are 'YYYY-MM-DD' strings; all arithmetic happens in UTC on those strings so the server's TZ never matters.
import { AppError } from './errors.ts';
import holidays2026 from './holidays-2026.json' with { type: 'json' };

export interface CalendarDay {
  date: string;
  name: string;
}

export interface CalendarSeed {
  /** Years whose calendar is complete; any date outside them is an error, never a guess. */
  years: number[];
  /** Days off, including weekdays off and weekend days inside a holiday block. */
  holidays: CalendarDay[];
  /** Adjusted working days (调休上班), usually weekend days. */
  workdays: CalendarDay[];
}

export const defaultCalendarSeed: CalendarSeed = {
  years: [holidays2026.year],
  holidays: holidays2026.holidays,
  workdays: holidays2026.workdays,
};

/** Shown to the credit office (422): the calendar of that year must be entered before deadlines can be computed. */
export class CalendarYearMissingError extends AppError {
  readonly year: number;

  constructor(year: number) {
    super('calendar.year_missing', 422, `${year} 年的工作日历尚未录入，请系统管理员录入该年工作日历`, { year });
    this.name = 'CalendarYearMissingError';
    this.year = year;
  }
}

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000; // China has had no daylight saving time since 1991

// Date.UTC reads years 0–99 as 1900–1999, so the year is set on its own: any four-digit year computes right.
function toUtcMs(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const ms = match ? new Date(0).setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`日期格式应为 YYYY-MM-DD 且为有效日期：${date}`);
  }
  return ms;
}

const fromUtcMs = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function assertDate(date: string): string {
  toUtcMs(date);
  return date;
}

export function addCalendarDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

/** The calendar date of an instant in Asia/Shanghai, whatever the process time zone. */
export function chinaDate(instant: Date): string {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('无效的时间');
  return fromUtcMs(ms + CHINA_OFFSET_MS);
}

export class WorkingCalendar {
  readonly years: readonly number[];
  private readonly holidays = new Map<string, string>();
  private readonly workdays = new Map<string, string>();

  constructor(seed: CalendarSeed) {
    this.years = [...new Set(seed.years)].sort((a, b) => a - b);
    const load = (days: CalendarDay[], into: Map<string, string>) => {
      for (const { date, name } of days) {
        const year = Number(assertDate(date).slice(0, 4));
        if (!this.years.includes(year)) throw new RangeError(`${date}（${name}）不在已录入的年份内`);
        into.set(date, name);
      }
    };
    load(seed.holidays, this.holidays);
    load(seed.workdays, this.workdays);
    for (const date of this.workdays.keys()) {
      if (this.holidays.has(date)) throw new RangeError(`${date} 不能同时是节假日和调休工作日`);
    }
  }

  private requireYear(date: string): void {
    const year = Number(assertDate(date).slice(0, 4));
    if (!this.years.includes(year)) throw new CalendarYearMissingError(year);
  }

  /** The holiday's name when `date` is a listed day off, else null. */
  holidayName(date: string): string | null {
    this.requireYear(date);
    return this.holidays.get(date) ?? null;
  }

  isWorkingDay(date: string): boolean {
    this.requireYear(date);
    if (this.workdays.has(date)) return true;
    if (this.holidays.has(date)) return false;
    const weekday = dayOfWeek(date);
    return weekday !== 0 && weekday !== 6;
  }

  /** The event day is day 0; returns the Nth following working day (the event day itself when n is 0). */
  addWorkingDays(date: string, n: number): string {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`工作日数应为非负整数：${n}`);
    let current = assertDate(date);
    for (let counted = 0; counted < n;) {
      current = addCalendarDays(current, 1);
      if (this.isWorkingDay(current)) counted++;
    }
    return current;
  }

  nextWorkingDayOnOrAfter(date: string): string {
    let current = assertDate(date);
    while (!this.isWorkingDay(current)) current = addCalendarDays(current, 1);
    return current;
  }
}
