import { addCalendarDays, type WorkingCalendar } from '../shared/index.ts';
import { titleOf, type DueRow } from './reminders.kinds.ts';

/** Working days in (from, to]. */
function workingDaysBetween(calendar: WorkingCalendar, from: string, to: string): number {
  let n = 0;
  for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) if (calendar.isWorkingDay(d)) n++;
  return n;
}

/**
 * Working days left until the end of the due day: 0 on the due day itself. Once overdue, minus the working days
 * late as of the next working day (a deadline missed on Friday is 1 day late on Saturday and on Monday).
 */
export function daysLeft(calendar: WorkingCalendar, today: string, due: string): number {
  if (due >= today) return workingDaysBetween(calendar, today, due);
  return -workingDaysBetween(calendar, due, calendar.nextWorkingDayOnOrAfter(today));
}

export function presentReminder(row: DueRow, at: { calendar: WorkingCalendar; today: string }) {
  return {
    kind: row.kind,
    id: row.id,
    title: titleOf(row),
    dueDate: row.dueDate,
    overdue: row.dueDate < at.today,
    daysLeft: daysLeft(at.calendar, at.today, row.dueDate),
    link: `/api/v1/${row.table}/${row.id}`,
  };
}

export function presentAwaitingCalendar(a: { years: number[]; items: number }) {
  const message =
    a.items === 0
      ? null
      : `${a.years.join('、')} 年的工作日历尚未录入，${a.items} 件未结事项暂无期限日期；请系统管理员录入该年工作日历，期限将自动计算。`;
  return { years: a.years, items: a.items, message };
}
