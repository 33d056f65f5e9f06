// Periods in months and years under the Civil Code, Art. 201–203: docs/domain/rules.md §10.
import { assertDate, type WorkingCalendar } from './working-days.ts';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * End of a period of `months` months that starts on the day after `startDate` (the start day is not counted).
 * It ends on the corresponding day of the last month, or on that month's last day where there is none:
 * 2026-01-31 + 1 month → 2026-02-28. Negative values count backwards the same way.
 */
export function addMonthsCivil(startDate: string, months: number): string {
  if (!Number.isInteger(months)) throw new RangeError(`月数应为整数：${months}`);
  assertDate(startDate);
  const [year, month, day] = startDate.split('-').map(Number) as [number, number, number];
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return `${pad(targetYear, 4)}-${pad(targetMonth, 2)}-${pad(Math.min(day, lastDay), 2)}`;
}

/** 2024-02-29 + 1 year → 2025-02-28. */
export function addYearsCivil(startDate: string, years: number): string {
  if (!Number.isInteger(years)) throw new RangeError(`年数应为整数：${years}`);
  return addMonthsCivil(startDate, years * 12);
}

/**
 * The last day of a period a party must meet (a statement or filing period). A last day on a statutory holiday or
 * rest day moves to the first working day after it (Art. 203); an adjusted working Saturday (调休) stays. Disclosure
 * periods do not use this: they end on their computed day. Throws CalendarYearMissingError for a year not loaded.
 */
export function partyDeadlineEnd(date: string, calendar: WorkingCalendar): string {
  return calendar.nextWorkingDayOnOrAfter(date);
}
